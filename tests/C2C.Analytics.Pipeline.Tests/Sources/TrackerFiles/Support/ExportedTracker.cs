using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.TrackerFiles.Support;

/// <summary>
/// One small tracker written three ways — a Smartsheet sheet, a CSV export, an XLSX export — with what changes in an
/// export: dates in the file's locale (dd/MM/yyyy) or stored as dates, money as text or a number, the evidence link as
/// its address. Three rows: two good ones and one with an unknown status; the exports have a blank row before the
/// third (so its row number is 5: title 1, rows 2 and 3, blank 4).
/// </summary>
public static class ExportedTracker
{
    public const string DateFormat = "dd/MM/yyyy";

    private static readonly Dictionary<string, object>[] Rows =
    [
        new()
        {
            ["Opportunity ID"] = TestTracker.OpportunityId(1), ["Engagement"] = "Migration, phase 1", ["Account"] = "Société Générale",
            ["Region"] = "EMEA", ["Contract Value"] = 1000m, ["Currency"] = "USD", ["Intake Date"] = new DateOnly(2025, 3, 3),
            ["Payment Terms"] = "Net 30", ["Sales Owner"] = "ana.sales@example.com", ["Finance Owner"] = "fin.ops@example.com",
            ["Intake Status"] = "Complete", ["Intake Evidence"] = "https://example.com/sow/1", ["Intake Notes"] = "two\nlines, \"quoted\"",
            ["Invoice Sent Status"] = "Complete", ["Invoice Sent Date"] = new DateOnly(2025, 3, 10),
        },
        new()
        {
            ["Opportunity ID"] = TestTracker.OpportunityId(2), ["Engagement"] = "Audit", ["Account"] = "Globex", ["Region"] = "APAC",
            ["Contract Value"] = 2500.5m, ["Currency"] = "EUR", ["Intake Date"] = new DateOnly(2025, 3, 4), ["Payment Terms"] = "Net 45",
            ["Intake Status"] = "Complete", ["Invoice Sent Status"] = "In Progress",
        },
        new()
        {
            ["Opportunity ID"] = TestTracker.OpportunityId(3), ["Engagement"] = "Bad status", ["Intake Date"] = new DateOnly(2025, 3, 5),
            ["Intake Status"] = "Finished??",
        },
    ];

    public static FakeSheet Sheet(long id)
    {
        var sheet = new FakeSheet(id, "Tracker", TestTracker.Titles);
        for (var i = 0; i < Rows.Length; i++)
        {
            sheet.Add(TestTracker.RowId(i + 1), new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero),
                Rows[i].Select(c => (c.Key, Cell(c.Value))).ToArray());
        }

        return sheet;
    }

    /// <summary>The CSV: dates of the first row in the file's locale format, the second's in ISO, money as "$1,000.00".</summary>
    public static byte[] Csv(bool byteOrderMark)
    {
        var text = new StringBuilder(string.Join(',', TestTracker.Titles.Select(Quote))).Append("\r\n");
        for (var i = 0; i < Rows.Length; i++)
        {
            if (i == 2)
            {
                text.Append("\r\n");
            }

            text.Append(string.Join(',', TestTracker.Titles.Select(t => Rows[i].TryGetValue(t, out var v) ? Quote(v switch
            {
                DateOnly date => date.ToString(i == 0 ? DateFormat : "yyyy-MM-dd", CultureInfo.InvariantCulture),
                decimal amount => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture),
                _ => (string)v,
            }) : ""))).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return byteOrderMark ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes;
    }

    /// <summary>The XLSX: dates stored as dates, except the second row's intake date typed as locale text; money as numbers.</summary>
    public static byte[] Xlsx(string worksheet = "Tracker", string? firstWorksheet = null)
    {
        var rows = new List<(int, object?[])> { (1, TestTracker.Titles.Cast<object?>().ToArray()) };
        for (var i = 0; i < Rows.Length; i++)
        {
            rows.Add((i == 2 ? 5 : i + 2, TestTracker.Titles.Select(t => Rows[i].TryGetValue(t, out var v)
                ? (i == 1 && t == "Intake Date" ? ((DateOnly)v).ToString(DateFormat, CultureInfo.InvariantCulture) : v)
                : null).ToArray()));
        }

        return XlsxWriter.Write(worksheet, rows, firstWorksheet);
    }

    private static JsonObject Cell(object value) => value switch
    {
        DateOnly date => FakeCell.Date(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        decimal amount => FakeCell.Money(amount, amount.ToString("$#,##0.00", CultureInfo.InvariantCulture)),
        string text when text.Contains('@', StringComparison.Ordinal) => FakeCell.Contact(text, text),
        _ => FakeCell.Text((string)value),
    };

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
