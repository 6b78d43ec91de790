namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>
/// A tracker export (<c>Tracker:Export</c>): a CSV or XLSX file with the column titles in its first row, loaded through
/// the same mapping as the Smartsheet sheets. When <see cref="Path"/> is set (or <c>c2c run --tracker-file</c>), the
/// file is the run's tracker and Smartsheet is not read.
/// </summary>
public sealed class TrackerExportOptions
{
    /// <summary>The export file (.csv or .xlsx).</summary>
    public string? Path { get; set; }

    /// <summary>
    /// Formats of dates written as text in the file's locale, tried in order after ISO (<c>yyyy-MM-dd</c>), with .NET
    /// custom format strings: <c>MM/dd/yyyy</c>, <c>dd/MM/yyyy</c>, <c>dd.MM.yyyy</c>, <c>M/d/yyyy</c>. They apply to
    /// the configured date columns (intake date, stage dates). A date stored as a date in an XLSX needs none.
    /// </summary>
    public List<string> DateFormats { get; set; } = [];

    /// <summary>The XLSX worksheet holding the tracker; default the first.</summary>
    public string? Worksheet { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path);
}
