namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>
/// An export read as a table: the first row with any value holds the column titles, every later row with any value is
/// a record (empty rows are left out, as a spreadsheet user would). Values are as stored; nothing is interpreted here.
/// </summary>
internal abstract class TrackerTable : IDisposable
{
    /// <summary>The column titles, trimmed ("" where a column has none).</summary>
    public abstract IReadOnlyList<string> Titles { get; }

    public abstract IEnumerable<TrackerFileRow> Rows();

    public abstract void Dispose();

    public static bool IsExport(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".csv" or ".xlsx";

    /// <summary>Opens an export by its extension; <paramref name="fileName"/> names it in messages.</summary>
    public static TrackerTable Open(Stream content, string fileName, string? worksheet) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => new CsvTrackerTable(content, fileName),
            ".xlsx" => new XlsxTrackerTable(content, fileName, worksheet),
            _ => throw new TrackerFileException($"Tracker export '{fileName}': only .csv and .xlsx files can be read."),
        };

    /// <summary>Reads the whole table once: how many records it has (and that it can be read at all).</summary>
    public static long CountRows(Stream content, string fileName, string? worksheet)
    {
        using var table = Open(content, fileName, worksheet);
        return table.Rows().LongCount();
    }

    protected static bool IsEmpty(IReadOnlyList<TrackerFileValue?> values) => values.All(v => v is null);
}
