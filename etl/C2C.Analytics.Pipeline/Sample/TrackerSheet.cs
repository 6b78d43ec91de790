namespace C2C.Analytics.Pipeline.Sample;

/// <summary>One tracker sheet of the sample (one per region), its columns and rows.</summary>
internal sealed class TrackerSheet(long id, string name, IReadOnlyList<SampleColumn> columns, string permalink)
{
    public long Id { get; } = id;

    public string Name { get; } = name;

    public IReadOnlyList<SampleColumn> Columns { get; } = columns;

    public string Permalink { get; } = permalink;

    public List<TrackerRow> Rows { get; } = [];

    public long Version => 17 + (Rows.Count * 3L);

    public DateTime CreatedAt { get; set; }

    public DateTime ModifiedAt { get; set; }
}
