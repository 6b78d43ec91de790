using System.Text.Json;

namespace C2C.Analytics.Pipeline.Tests.Sample.Support;

/// <summary>One tracker row as landed: its sheet, ids and cells by column title (every element cloned, so it outlives its page).</summary>
public sealed record LandedRow(long SheetId, string SheetName, long RowId, int RowNumber, IReadOnlyDictionary<string, JsonElement> Cells)
{
    /// <summary>The cell's value as text (a number or boolean as its JSON text), or null when the cell has no value.</summary>
    public string? Text(string title) =>
        Cells.TryGetValue(title, out var cell) && cell.TryGetProperty("value", out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;
}

/// <summary>Reads landed pages back with System.Text.Json, as any consumer would.</summary>
public static class LandedPages
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Sample", "Fixtures", name);

    public static JsonElement ReadJson(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.Clone();
    }

    /// <summary>The records of every page of a Salesforce entity, in page order.</summary>
    public static List<JsonElement> Records(SampleFolder sample, string entity) =>
        [.. sample.Files("salesforce", entity).SelectMany(f => ReadJson(f).GetProperty("records").EnumerateArray())];

    public static List<LandedRow> TrackerRows(SampleFolder sample)
    {
        var rows = new List<LandedRow>();
        foreach (var file in sample.Files("smartsheet", "tracker"))
        {
            var page = ReadJson(file);
            var titles = page.GetProperty("columns").EnumerateArray()
                .ToDictionary(c => c.GetProperty("id").GetInt64(), c => c.GetProperty("title").GetString()!);
            foreach (var row in page.GetProperty("rows").EnumerateArray())
            {
                var cells = row.GetProperty("cells").EnumerateArray()
                    .ToDictionary(c => titles[c.GetProperty("columnId").GetInt64()], c => c, StringComparer.Ordinal);
                rows.Add(new LandedRow(page.GetProperty("id").GetInt64(), page.GetProperty("name").GetString()!,
                    row.GetProperty("id").GetInt64(), row.GetProperty("rowNumber").GetInt32(), cells));
            }
        }

        return rows;
    }

    /// <summary>Property names of an object, in order.</summary>
    public static List<string> Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];
}

/// <summary>
/// An implementation of Salesforce's 15→18 case checksum written here from the published rule, independently of
/// the product's <c>SalesforceId</c>: for each 5-character chunk, bit i is set when character i is A–Z; the 5-bit
/// value indexes "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345".
/// </summary>
public static class IndependentChecksum
{
    public static string Of(string id15)
    {
        var suffix = "";
        for (var chunk = 0; chunk < 3; chunk++)
        {
            var bits = 0;
            for (var i = 0; i < 5; i++)
            {
                var c = id15[(chunk * 5) + i];
                if (c is >= 'A' and <= 'Z')
                {
                    bits += 1 << i;
                }
            }

            suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits];
        }

        return suffix;
    }

    public static bool IsValid18(string? id) =>
        id is { Length: 18 } && id.All(char.IsAsciiLetterOrDigit) && id[15..] == Of(id[..15]);
}
