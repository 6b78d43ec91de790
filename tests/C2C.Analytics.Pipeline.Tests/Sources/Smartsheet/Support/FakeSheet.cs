using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

/// <summary>
/// A sheet the fake Smartsheet serves: columns in the sheet's own order (ids of its own), rows with cells by column
/// title and a modifiedAt. Every edit through <see cref="Edit"/>, <see cref="Add"/> or <see cref="Delete"/> raises the
/// version, as Smartsheet does.
/// </summary>
public sealed class FakeSheet
{
    private readonly List<(long Id, string Title, string Type)> _columns = [];

    public FakeSheet(long id, string name, IEnumerable<string> titles, long version = 1)
    {
        Id = id;
        Name = name;
        Version = version;
        var index = 0;
        foreach (var title in titles)
        {
            _columns.Add((id * 1000 + ++index, title, title.EndsWith("Date", StringComparison.Ordinal) ? "DATE" : "TEXT_NUMBER"));
        }
    }

    public long Id { get; }

    public string Name { get; }

    public long Version { get; set; }

    public List<FakeRow> Rows { get; } = [];

    public IReadOnlyList<string> Titles => _columns.Select(c => c.Title).ToList();

    public FakeRow Add(long rowId, DateTimeOffset modifiedAt, params (string Title, JsonObject Cell)[] cells)
    {
        var row = new FakeRow(rowId, modifiedAt);
        foreach (var (title, cell) in cells)
        {
            row.Cells[title] = cell;
        }

        Rows.Add(row);
        Version++;
        return row;
    }

    public void Edit(long rowId, DateTimeOffset modifiedAt, string title, JsonObject cell)
    {
        var row = Rows.Single(r => r.Id == rowId);
        row.Cells[title] = cell;
        row.ModifiedAt = modifiedAt;
        Version++;
    }

    public void Delete(long rowId)
    {
        Rows.RemoveAll(r => r.Id == rowId);
        Version++;
    }

    /// <summary>The body of GET /sheets/{id} for these rows (a page of them, or those modified since a time).</summary>
    public byte[] Body(IReadOnlyList<FakeRow> rows, bool includeAttachments = false)
    {
        var columns = new JsonArray();
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = new JsonObject { ["id"] = _columns[i].Id, ["version"] = 0, ["index"] = i, ["title"] = _columns[i].Title, ["type"] = _columns[i].Type };
            if (i == 0)
            {
                column["primary"] = true;
            }

            column["validation"] = false;
            column["width"] = 150;
            columns.Add(column);
        }

        var jsonRows = new JsonArray();
        foreach (var row in rows)
        {
            var cells = new JsonArray();
            foreach (var (columnId, title, _) in _columns)
            {
                var cell = new JsonObject { ["columnId"] = columnId };
                if (row.Cells.TryGetValue(title, out var value))
                {
                    foreach (var (key, node) in value)
                    {
                        cell[key] = node?.DeepClone();
                    }
                }

                cells.Add(cell);
            }

            var jsonRow = new JsonObject
            {
                ["id"] = row.Id,
                ["rowNumber"] = Rows.IndexOf(row) + 1,
                ["expanded"] = true,
                ["createdAt"] = Timestamp(row.ModifiedAt),
                ["modifiedAt"] = Timestamp(row.ModifiedAt),
                ["cells"] = cells,
            };
            if (includeAttachments && row.Attachments.Count > 0)
            {
                // The Attachment object of the API reference (list_row_attachments.json), without the URL a listing omits.
                jsonRow["attachments"] = new JsonArray([.. row.Attachments.Select((name, i) => (JsonNode)new JsonObject
                {
                    ["id"] = (row.Id * 100) + i + 1,
                    ["name"] = name,
                    ["attachmentType"] = "FILE",
                    ["mimeType"] = "application/pdf",
                    ["parentType"] = "ROW",
                    ["parentId"] = row.Id,
                    ["sizeInKb"] = 42,
                    ["createdAt"] = Timestamp(row.ModifiedAt),
                })]);
            }

            jsonRows.Add(jsonRow);
        }

        var sheet = new JsonObject
        {
            ["id"] = Id,
            ["name"] = Name,
            ["version"] = Version,
            ["totalRowCount"] = Rows.Count,
            ["accessLevel"] = "OWNER",
            ["ganttEnabled"] = false,
            ["dependenciesEnabled"] = false,
            ["permalink"] = "https://app.smartsheet.com/sheets/" + Id.ToString(CultureInfo.InvariantCulture),
            ["createdAt"] = "2024-01-10T20:27:57Z",
            ["modifiedAt"] = "2025-06-30T18:45:08Z",
            ["columns"] = columns,
            ["rows"] = jsonRows,
        };
        return JsonSerializer.SerializeToUtf8Bytes(sheet, new JsonSerializerOptions { WriteIndented = true });
    }

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
