using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Bulk API 2.0 result pages (CSV) read as the bodies of <c>/query</c> pages, so that one raw table and one set of
/// staging models serve both: <c>{"totalSize": n, "done": true, "records": [...]}</c>, each record an object of the
/// page's columns with dotted names nested as the REST API nests them (<c>Account.Name</c> → <c>"Account": {"Name": …}</c>),
/// an empty value as null, and a parent whose values are all empty as null (a null lookup). Values stay text: staging
/// casts them as it casts the REST API's. A page without a header row takes the header of the nearest earlier page of
/// its landing folder that has one.
/// </summary>
internal static class BulkCsvPages
{
    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="InvalidDataException">The page's quoting is broken, or no header can be found for it.</exception>
    public static void Convert(string csvPath, string jsonPath)
    {
        using var input = File.OpenRead(csvPath);
        using var reader = Open(input);
        var first = Next(reader, csvPath);
        var header = first is not null && IsHeader(first) ? first : HeaderOfEarlierPage(csvPath);
        if (header is null)
        {
            throw new InvalidDataException($"Bulk result page '{csvPath}' has no header row, and no earlier page of its job has one.");
        }

        var columns = Column.Tree(header);
        using var output = File.Create(jsonPath);
        using var writer = new Utf8JsonWriter(output);
        writer.WriteStartObject();
        writer.WriteBoolean("done", true);
        writer.WriteStartArray("records");
        long records = 0;
        for (var row = first is not null && ReferenceEquals(header, first) ? Next(reader, csvPath) : first; row is not null; row = Next(reader, csvPath))
        {
            writer.WriteStartObject();
            foreach (var column in columns)
            {
                column.Write(writer, row);
            }

            writer.WriteEndObject();
            records++;
        }

        writer.WriteEndArray();
        writer.WriteNumber("totalSize", records);
        writer.WriteEndObject();
    }

    /// <summary>The header row of a page (one with a column named <c>Id</c>), or null.</summary>
    public static IReadOnlyList<string>? Header(string csvPath)
    {
        using var input = File.OpenRead(csvPath);
        using var reader = Open(input);
        return Next(reader, csvPath) is { } first && IsHeader(first) ? first : null;
    }

    private static IReadOnlyList<string>? HeaderOfEarlierPage(string csvPath)
    {
        var folder = Path.GetDirectoryName(csvPath)!;
        var name = Path.GetFileName(csvPath);
        return Directory.GetFiles(folder, "*.csv")
            .Where(p => string.CompareOrdinal(Path.GetFileName(p), name) < 0)
            .OrderByDescending(p => Path.GetFileName(p), StringComparer.Ordinal)
            .Select(Header)
            .FirstOrDefault(h => h is not null);
    }

    private static bool IsHeader(IReadOnlyList<string> row) => row.Contains("Id", StringComparer.Ordinal);

    private static CsvReader Open(Stream input) => CsvReader.Create(input, new CsvReaderOptions
    {
        HasHeader = false,
        SkipEmptyLines = true,
        TrimWhitespace = false,
        MalformedData = CsvMalformedDataHandling.Throw,
        IncludeValuesInExceptions = false,
    }, leaveOpen: true);

    private static string[]? Next(CsvReader reader, string csvPath)
    {
        try
        {
            if (!reader.Read())
            {
                return null;
            }

            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.GetString(i);
            }

            return row;
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"Bulk result page '{csvPath}': the CSV quoting is broken ({e.Message}).", e);
        }
    }

    /// <summary>A column of the page, or a parent (Account, Owner) of several, written as the REST API nests them.</summary>
    private sealed class Column(string name, int index, List<Column> children)
    {
        public static List<Column> Tree(IReadOnlyList<string> header)
        {
            var roots = new List<Column>();
            for (var i = 0; i < header.Count; i++)
            {
                var level = roots;
                var parts = header[i].Split('.');
                for (var p = 0; p < parts.Length; p++)
                {
                    var last = p == parts.Length - 1;
                    var node = level.Find(c => c.Name == parts[p] && c.IsParent != last);
                    if (node is null)
                    {
                        node = new Column(parts[p], last ? i : -1, []);
                        level.Add(node);
                    }

                    level = node.Children;
                }
            }

            return roots;
        }

        public string Name => name;

        public List<Column> Children => children;

        private bool IsParent => index < 0;

        public void Write(Utf8JsonWriter writer, IReadOnlyList<string> row)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, row);
        }

        private void WriteValue(Utf8JsonWriter writer, IReadOnlyList<string> row)
        {
            if (!HasValue(row))
            {
                writer.WriteNullValue();
            }
            else if (!IsParent)
            {
                writer.WriteStringValue(row[index]);
            }
            else
            {
                writer.WriteStartObject();
                foreach (var child in children)
                {
                    child.Write(writer, row);
                }

                writer.WriteEndObject();
            }
        }

        private bool HasValue(IReadOnlyList<string> row) =>
            IsParent ? children.Any(c => c.HasValue(row)) : index < row.Count && row[index].Length > 0;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{name} ({index})");
    }
}
