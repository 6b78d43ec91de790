using System.Globalization;
using System.Text;
using System.Text.Json;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>
/// Turns a landed export into one page in the shape of a Smartsheet <c>GET /sheets/{id}</c> body, so that the tracker
/// staging models read it exactly as they read a sheet: the file is one sheet (a stable negative id from its name, so
/// it never collides with a Smartsheet id, and the file name as name), its titles are columns, each record a row
/// whose id and row number are the spreadsheet's row number; an empty cell is left out, as Smartsheet leaves it out.
/// Values are written as stored, except dates in the configured date columns written in one of
/// <see cref="TrackerExportOptions.DateFormats"/>, which become <c>yyyy-MM-dd</c> like a Smartsheet DATE cell; a date
/// that matches no format stays as written, and the staging rejects it naming the column.
/// </summary>
internal static class TrackerFilePages
{
    public static bool IsExport(string path) => TrackerTable.IsExport(path);

    /// <summary>Writes the page for <paramref name="landedPath"/> into <paramref name="directory"/>; returns its path.</summary>
    public static string Convert(string landedPath, string directory, TrackerOptions tracker)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        var fileName = Path.GetFileName(landedPath);
        var dateTitles = TrackerColumnTitles.Dates(tracker);
        var formats = tracker.Export.DateFormats.ToArray();
        var output = Path.Combine(directory, Path.GetFileNameWithoutExtension(fileName) + "-" + Guid.NewGuid().ToString("N") + ".json");
        using var content = File.OpenRead(landedPath);
        using var table = TrackerTable.Open(content, fileName, tracker.Export.Worksheet);
        using var stream = File.Create(output);
        using var writer = new Utf8JsonWriter(stream);
        var isDate = table.Titles.Select(dateTitles.Contains).ToArray();

        writer.WriteStartObject();
        writer.WriteNumber("id", SheetId(fileName));
        writer.WriteString("name", fileName);
        writer.WriteNumber("version", 1);
        writer.WriteStartArray("columns");
        for (var i = 0; i < table.Titles.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", i + 1);
            writer.WriteNumber("index", i);
            writer.WriteString("title", table.Titles[i]);
            writer.WriteString("type", "TEXT_NUMBER");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        var rows = 0L;
        foreach (var row in table.Rows())
        {
            rows++;
            writer.WriteStartObject();
            writer.WriteNumber("id", row.RowNumber);
            writer.WriteNumber("rowNumber", row.RowNumber);
            writer.WriteStartArray("cells");
            for (var i = 0; i < row.Values.Count; i++)
            {
                if (row.Values[i] is { } value)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("columnId", i + 1);
                    WriteValue(writer, value, isDate[i] ? formats : null);
                    writer.WriteEndObject();
                }
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("totalRowCount", rows);
        writer.WriteEndObject();
        return output;
    }

    /// <summary>A stable id for a file: negative, below 2^48, from the FNV-1a hash of its name.</summary>
    public static long SheetId(string fileName)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(fileName))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return -(long)(hash & 0xFFFF_FFFF_FFFFUL) - 1;
    }

    /// <summary>A date in ISO form or in one of <paramref name="formats"/>, as <c>yyyy-MM-dd</c>; null when it is neither.</summary>
    public static string? NormaliseDate(string text, IReadOnlyList<string> formats)
    {
        var trimmed = text.Trim();
        string[] all = ["yyyy-MM-dd", .. formats];
        return DateOnly.TryParseExact(trimmed, all, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static void WriteValue(Utf8JsonWriter writer, TrackerFileValue value, string[]? dateFormats)
    {
        switch (value.Kind)
        {
            case TrackerFileValueKind.Number when double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumber("value", number);
                break;
            case TrackerFileValueKind.Boolean:
                writer.WriteBoolean("value", value.Text == "true");
                break;
            case TrackerFileValueKind.Text when dateFormats is not null && NormaliseDate(value.Text, dateFormats) is { } date:
                writer.WriteString("value", date);
                break;
            default:
                writer.WriteString("value", value.Text);
                break;
        }
    }
}
