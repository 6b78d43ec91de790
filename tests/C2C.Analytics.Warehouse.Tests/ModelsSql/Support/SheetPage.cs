using System.Text.Json;
using System.Text.Json.Nodes;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

/// <summary>
/// Writes one GET /sheets/{id} response body in Smartsheet's shape (ids, columns with index/title/type, rows with
/// cells keyed by columnId). Column ids are derived from the sheet id and the column's position, so two sheets never
/// share them. A row lists its cells by column title; a title left out sends no cell at all (as with
/// exclude=nonexistentCells), a null value sends an empty cell.
/// </summary>
internal sealed class SheetPage(long sheetId, string name, IReadOnlyList<string> titles)
{
    private readonly List<JsonObject> _rows = [];

    public long SheetId => sheetId;

    public int Version { get; init; } = 7;

    public long ColumnId(string title)
    {
        var index = titles.ToList().IndexOf(title);
        return index < 0 ? throw new ArgumentException($"The sheet has no column '{title}'.", nameof(title)) : (sheetId * 1000) + index + 1;
    }

    public SheetPage Row(long rowId, int rowNumber, params (string Title, object? Value)[] cells)
    {
        var cellArray = new JsonArray();
        foreach (var (title, value) in cells)
        {
            var cell = new JsonObject { ["columnId"] = ColumnId(title) };
            var full = value as Cell ?? new Cell(value);
            if (full.Value is not null)
            {
                cell["value"] = JsonSerializer.SerializeToNode(full.Value);
            }

            if (full.DisplayValue is not null)
            {
                cell["displayValue"] = full.DisplayValue;
            }

            if (full.Formula is not null)
            {
                cell["formula"] = full.Formula;
            }

            if (full.Url is not null)
            {
                cell["hyperlink"] = new JsonObject { ["url"] = full.Url };
            }

            if (full.ObjectValue is not null)
            {
                cell["objectValue"] = full.ObjectValue.DeepClone();
            }

            cellArray.Add(cell);
        }

        _rows.Add(new JsonObject
        {
            ["id"] = rowId,
            ["rowNumber"] = rowNumber,
            ["expanded"] = true,
            ["createdAt"] = "2025-01-02T09:00:00Z",
            ["modifiedAt"] = "2025-01-02T09:00:00Z",
            ["cells"] = cellArray,
        });
        return this;
    }

    /// <summary>
    /// Gives the row added last the attachments Smartsheet lists with <c>include=attachments</c>: (name, parentType),
    /// parentType ROW for the row's own files, COMMENT for a file attached to a comment on it.
    /// </summary>
    public SheetPage Attachments(params (string Name, string ParentType)[] attachments)
    {
        var row = _rows[^1];
        var list = new JsonArray();
        foreach (var (attachmentName, parentType) in attachments)
        {
            list.Add(new JsonObject
            {
                ["id"] = (row["id"]!.GetValue<long>() * 100) + list.Count + 1,
                ["name"] = attachmentName,
                ["attachmentType"] = "FILE",
                ["mimeType"] = "application/pdf",
                ["parentType"] = parentType,
                ["parentId"] = row["id"]!.GetValue<long>(),
                ["sizeInKb"] = 12,
            });
        }

        row["attachments"] = list;
        return this;
    }

    public string ToJson()
    {
        var columns = new JsonArray();
        for (var i = 0; i < titles.Count; i++)
        {
            columns.Add(new JsonObject
            {
                ["id"] = ColumnId(titles[i]),
                ["version"] = 0,
                ["index"] = i,
                ["title"] = titles[i],
                ["type"] = titles[i].Contains("Owner", StringComparison.Ordinal) ? "CONTACT_LIST"
                    : titles[i].EndsWith("Date", StringComparison.Ordinal) ? "DATE" : "TEXT_NUMBER",
            });
        }

        var page = new JsonObject
        {
            ["id"] = sheetId,
            ["name"] = name,
            ["version"] = Version,
            ["totalRowCount"] = _rows.Count,
            ["accessLevel"] = "OWNER",
            ["columns"] = columns,
            ["rows"] = new JsonArray([.. _rows.Select(r => (JsonNode)r.DeepClone())]),
        };
        return page.ToJsonString();
    }
}
