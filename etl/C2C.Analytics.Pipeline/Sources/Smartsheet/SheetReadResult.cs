namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

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
