using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Reads what the client needs from a <c>GET /sheets/{id}</c> body while it is being landed, chunk by chunk, without
/// holding the body: the sheet's id, name, version and totalRowCount, its columns (id, title) and the id of every
/// row. A body without <c>rows</c> or <c>columns</c> (<c>{"version": 42}</c>) is the answer to an unchanged
/// <c>ifVersionAfter</c>. Throws <see cref="JsonException"/> on a body that is not JSON or is cut off.
/// </summary>
internal sealed class SheetPageScanner : StreamingJsonScanner
{
    private ItemProperty _itemProperty;
    private long? _columnId;
    private string? _columnTitle;

    public long? Id { get; private set; }

    public string? Name { get; private set; }

    public long? Version { get; private set; }

    public long? TotalRowCount { get; private set; }

    public bool HasRows { get; private set; }

    public bool HasColumns { get; private set; }

    public List<long> RowIds { get; } = [];

    public List<SheetColumn> Columns { get; } = [];

    /// <summary>The unchanged-sheet answer to <c>ifVersionAfter</c>: a version and no sheet.</summary>
    public bool IsVersionOnly => Version is not null && Id is null && !HasRows && !HasColumns;

    protected override void Handle(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when depth == 3:
                // Every row has a dozen properties: compare bytes rather than allocate their names.
                _itemProperty = reader.ValueTextEquals("id"u8) ? ItemProperty.Id
                    : reader.ValueTextEquals("title"u8) ? ItemProperty.Title
                    : ItemProperty.Other;
                break;
            case JsonTokenType.Number when depth == 1:
                switch (TopProperty)
                {
                    case "id":
                        Id = reader.GetInt64();
                        break;
                    case "version":
                        Version = reader.GetInt64();
                        break;
                    case "totalRowCount":
                        TotalRowCount = reader.GetInt64();
                        break;
                }

                break;
            case JsonTokenType.String when depth == 1 && TopProperty == "name":
                Name = reader.GetString();
                break;
            case JsonTokenType.StartArray when depth == 1:
                HasRows |= TopProperty == "rows";
                HasColumns |= TopProperty == "columns";
                break;
            case JsonTokenType.StartObject when depth == 2:
                _itemProperty = ItemProperty.Other;
                _columnId = null;
                _columnTitle = null;
                break;
            case JsonTokenType.Number when depth == 3 && _itemProperty == ItemProperty.Id:
                if (TopProperty == "rows")
                {
                    RowIds.Add(reader.GetInt64());
                }
                else if (TopProperty == "columns")
                {
                    _columnId = reader.GetInt64();
                }

                break;
            case JsonTokenType.String when depth == 3 && TopProperty == "columns" && _itemProperty == ItemProperty.Title:
                _columnTitle = reader.GetString();
                break;
            case JsonTokenType.EndObject when depth == 2 && TopProperty == "columns" && _columnId is { } id:
                Columns.Add(new SheetColumn(id, _columnTitle ?? ""));
                break;
        }
    }

    private enum ItemProperty
    {
        Other,
        Id,
        Title,
    }
}
