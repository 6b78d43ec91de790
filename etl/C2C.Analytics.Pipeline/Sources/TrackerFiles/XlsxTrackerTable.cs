using System.Globalization;
using System.Text;
using ExcelDataReader;

namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>
/// An XLSX export, read with ExcelDataReader: the configured worksheet (default the first). Cells keep what they are:
/// text, numbers (written invariantly, 125000 or 48000.5), booleans, and dates (cells formatted as dates) as
/// <c>yyyy-MM-dd</c>. Row numbers are the worksheet's. Values right of the last titled column are not read.
/// </summary>
internal sealed class XlsxTrackerTable : TrackerTable
{
    private readonly IExcelDataReader _reader;
    private readonly string _fileName;
    private readonly List<string> _titles = [];
    private int _row;

    static XlsxTrackerTable()
    {
        // ExcelDataReader looks up Windows-1252 (its fallback for the old binary format) even for XLSX, whose text is
        // Unicode; .NET has that code page only through the code-page provider it ships.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public XlsxTrackerTable(Stream content, string fileName, string? worksheet)
    {
        _fileName = fileName;
        try
        {
            _reader = ExcelReaderFactory.CreateOpenXmlReader(content, new ExcelReaderConfiguration { LeaveOpen = true, FallbackEncoding = Encoding.UTF8 });
        }
        catch (Exception e) when (e is not TrackerFileException)
        {
            throw new TrackerFileException($"Tracker export '{fileName}' is not a readable XLSX workbook: {e.Message}", e);
        }

        if (worksheet is not null)
        {
            var names = new List<string>();
            while (!string.Equals(_reader.Name, worksheet, StringComparison.OrdinalIgnoreCase))
            {
                names.Add(_reader.Name);
                if (!_reader.NextResult())
                {
                    throw new TrackerFileException($"Tracker export '{fileName}' has no worksheet '{worksheet}' (it has: {string.Join(", ", names)}).");
                }
            }
        }

        while (Next() is { } values)
        {
            if (!IsEmpty(values))
            {
                _titles.AddRange(values.Select(v => v?.Text.Trim() ?? ""));
                return;
            }
        }
    }

    public override IReadOnlyList<string> Titles => _titles;

    public override IEnumerable<TrackerFileRow> Rows()
    {
        while (Next() is { } values)
        {
            var titled = values.Count <= _titles.Count ? values : values.Take(_titles.Count).ToList();
            if (!IsEmpty(titled))
            {
                var row = new TrackerFileValue?[_titles.Count];
                for (var i = 0; i < titled.Count; i++)
                {
                    row[i] = titled[i];
                }

                yield return new TrackerFileRow(_row, row);
            }
        }
    }

    public override void Dispose() => _reader.Dispose();

    private List<TrackerFileValue?>? Next()
    {
        try
        {
            if (!_reader.Read())
            {
                return null;
            }

            _row++;
            var values = new List<TrackerFileValue?>(_reader.FieldCount);
            for (var i = 0; i < _reader.FieldCount; i++)
            {
                values.Add(Value(_reader.GetValue(i)));
            }

            return values;
        }
        catch (Exception e) when (e is not TrackerFileException)
        {
            throw new TrackerFileException(string.Create(CultureInfo.InvariantCulture,
                $"Tracker export '{_fileName}', row {_row + 1}: the worksheet cannot be read: {e.Message}"), e);
        }
    }

    private static TrackerFileValue? Value(object? value) => value switch
    {
        null => null,
        string text when text.Length == 0 => null,
        string text => new TrackerFileValue(text, TrackerFileValueKind.Text),
        bool flag => new TrackerFileValue(flag ? "true" : "false", TrackerFileValueKind.Boolean),
        DateTime date => new TrackerFileValue(
            date.TimeOfDay == TimeSpan.Zero
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            TrackerFileValueKind.Date),
        double number => new TrackerFileValue(number.ToString("R", CultureInfo.InvariantCulture), TrackerFileValueKind.Number),
        IFormattable other => new TrackerFileValue(other.ToString(null, CultureInfo.InvariantCulture), TrackerFileValueKind.Text),
        _ => new TrackerFileValue(value.ToString() ?? "", TrackerFileValueKind.Text),
    };
}
