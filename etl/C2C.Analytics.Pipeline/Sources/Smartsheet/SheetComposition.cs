namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// A sheet's current rows as landed files, oldest first: a row's copy in a later file replaces its copies in earlier
/// ones (the raw load keeps only the newest). Each file counts the rows it still provides; a file that provides none
/// is dropped, except the newest, which carries the sheet's current columns.
/// </summary>
internal static class SheetComposition
{
    public static IReadOnlyList<(SheetPart Part, long Records)> Effective(IReadOnlyList<SheetPart> parts)
    {
        var seen = new HashSet<long>();
        var effective = new List<(SheetPart, long)>(parts.Count);
        for (var i = parts.Count - 1; i >= 0; i--)
        {
            var records = parts[i].RowIds.Count(seen.Add);
            if (records > 0 || i == parts.Count - 1)
            {
                effective.Add((parts[i], records));
            }
        }

        effective.Reverse();
        return effective;
    }

    /// <summary>How many distinct rows the files provide together.</summary>
    public static long RowCount(IEnumerable<SheetPart> parts) => parts.SelectMany(p => p.RowIds).Distinct().LongCount();

    /// <summary>The rows of <paramref name="before"/> that <paramref name="after"/> no longer has (deleted rows).</summary>
    public static long Gone(IEnumerable<SheetPart> before, IEnumerable<SheetPart> after)
    {
        var now = after.SelectMany(p => p.RowIds).ToHashSet();
        return before.SelectMany(p => p.RowIds).Distinct().LongCount(id => !now.Contains(id));
    }
}
