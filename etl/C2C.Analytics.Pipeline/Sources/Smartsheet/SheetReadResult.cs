namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

internal enum SheetReadKind
{
    /// <summary>The sheet's version is the one asked about: nothing was landed.</summary>
    Unchanged,

    /// <summary>Every row, in pages.</summary>
    Full,

    /// <summary>The rows modified since a time, in one page.</summary>
    Changes,

    /// <summary>A discovered sheet without the template's columns: nothing was landed.</summary>
    NotTemplate,
}

/// <summary>What reading one sheet landed (<see cref="Parts"/>, this run's files) and what the sheet said about itself.</summary>
internal sealed record SheetReadResult(
    SheetReadKind Kind,
    long Version,
    string? Name,
    long? TotalRowCount,
    IReadOnlyList<SheetPart> Parts,
    IReadOnlyList<string> MissingColumns)
{
    public static SheetReadResult Unchanged(long version) => new(SheetReadKind.Unchanged, version, null, null, [], []);
}
