using System.Globalization;
using CsvHelper;

namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>
/// A CSV export, UTF-8 with or without a byte-order mark, fields separated by a comma (or by what the file shows:
/// semicolon, tab, pipe, or Excel's <c>sep=</c> line), quoted as RFC 4180 says. Row numbers count every record a
/// spreadsheet would show as a row, blank ones included, so row 7 here is row 7 when the file is opened. A quote left
/// open or misplaced, a record with values beyond the title row, or bytes that are not UTF-8 stop the read naming the
/// row: the file's structure is broken there, and its values cannot be trusted.
/// </summary>
internal sealed class CsvTrackerTable : TrackerTable
{
    private readonly CsvReader _reader;
    private readonly string _fileName;
    private readonly List<string> _titles = [];
    private int _row;

    public CsvTrackerTable(Stream content, string fileName)
    {
        _fileName = fileName;
        _reader = CsvReader.Create(content, new CsvReaderOptions
        {
            HasHeader = false,
            SkipEmptyLines = false,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            IncludeValuesInExceptions = false,
        }, leaveOpen: true);
        while (Next() is { } record)
        {
            if (record.Any(f => f.Length > 0))
            {
                _titles.AddRange(record.Select(f => f.Trim()));
                return;
            }
        }
    }

    public override IReadOnlyList<string> Titles => _titles;

    public override IEnumerable<TrackerFileRow> Rows()
    {
        while (Next() is { } record)
        {
            var values = new TrackerFileValue?[_titles.Count];
            for (var field = 0; field < record.Length; field++)
            {
                if (record[field].Length == 0)
                {
                    continue;
                }

                if (field >= _titles.Count)
                {
                    throw new TrackerFileException(string.Create(CultureInfo.InvariantCulture,
                        $"Tracker export '{_fileName}', row {_row}: field {field + 1} is beyond the {_titles.Count} titled columns; a separator or a quote inside a value is probably not quoted."));
                }

                values[field] = new TrackerFileValue(record[field], TrackerFileValueKind.Text);
            }

            if (!IsEmpty(values))
            {
                yield return new TrackerFileRow(_row, values);
            }
        }
    }

    public override void Dispose() => _reader.Dispose();

    private string[]? Next()
    {
        try
        {
            if (!_reader.Read())
            {
                return null;
            }

            _row++;
            var record = new string[_reader.FieldCount];
            for (var i = 0; i < record.Length; i++)
            {
                record[i] = _reader.GetString(i);
                if (record[i].Contains('\uFFFD', StringComparison.Ordinal))
                {
                    throw new TrackerFileException(string.Create(CultureInfo.InvariantCulture,
                        $"Tracker export '{_fileName}', row {_row}, field {i + 1}: the file is not UTF-8; save it as CSV UTF-8."));
                }
            }

            return record;
        }
        catch (CsvFormatException e)
        {
            throw new TrackerFileException(string.Create(CultureInfo.InvariantCulture,
                $"Tracker export '{_fileName}', row {_row + 1}: the quoting is broken ({e.Message}); a quote inside a value must be doubled and the value quoted."), e);
        }
    }
}
