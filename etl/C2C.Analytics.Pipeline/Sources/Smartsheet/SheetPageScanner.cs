using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Reads what the client needs from a <c>GET /sheets/{id}</c> body while it is being landed, chunk by chunk, without
/// holding the body: the sheet's id, name, version and totalRowCount, its columns (id, title) and the id of every
/// row. A body without <c>rows</c> or <c>columns</c> (<c>{"version": 42}</c>) is the answer to an unchanged
/// <c>ifVersionAfter</c>. Throws <see cref="JsonException"/> on a body that is not JSON or is cut off.
/// </summary>
internal sealed class SheetPageScanner
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _count;
    private JsonReaderState _state;
    private string? _topProperty;
    private ItemProperty _itemProperty;
    private long? _columnId;
    private string? _columnTitle;
    private bool _finished;

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

    public void Append(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_count == _buffer.Length)
            {
                // One token (a long cell text) does not fit: grow.
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var take = Math.Min(data.Length, _buffer.Length - _count);
            data[..take].CopyTo(_buffer.AsSpan(_count));
            _count += take;
            data = data[take..];
            Process(isFinalBlock: false);
        }
    }

    public void Complete()
    {
        Process(isFinalBlock: true);
        if (!_finished)
        {
            throw new JsonException("The response ends before its JSON does.");
        }
    }

    private void Process(bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _count), isFinalBlock, _state);
        while (reader.Read())
        {
            Handle(ref reader);
        }

        var consumed = (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        _buffer.AsSpan(consumed, _count - consumed).CopyTo(_buffer);
        _count -= consumed;
    }

    private void Handle(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.PropertyName when depth == 1:
                _topProperty = reader.GetString();
                break;
            case JsonTokenType.PropertyName when depth == 3:
                // Every row has a dozen properties: compare bytes rather than allocate their names.
                _itemProperty = reader.ValueTextEquals("id"u8) ? ItemProperty.Id
                    : reader.ValueTextEquals("title"u8) ? ItemProperty.Title
                    : ItemProperty.Other;
                break;
            case JsonTokenType.Number when depth == 1:
                switch (_topProperty)
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
            case JsonTokenType.String when depth == 1 && _topProperty == "name":
                Name = reader.GetString();
                break;
            case JsonTokenType.StartArray when depth == 1:
                HasRows |= _topProperty == "rows";
                HasColumns |= _topProperty == "columns";
                break;
            case JsonTokenType.StartObject when depth == 2:
                _itemProperty = ItemProperty.Other;
                _columnId = null;
                _columnTitle = null;
                break;
            case JsonTokenType.Number when depth == 3 && _itemProperty == ItemProperty.Id:
                if (_topProperty == "rows")
                {
                    RowIds.Add(reader.GetInt64());
                }
                else if (_topProperty == "columns")
                {
                    _columnId = reader.GetInt64();
                }

                break;
            case JsonTokenType.String when depth == 3 && _topProperty == "columns" && _itemProperty == ItemProperty.Title:
                _columnTitle = reader.GetString();
                break;
            case JsonTokenType.EndObject when depth == 2 && _topProperty == "columns" && _columnId is { } id:
                Columns.Add(new SheetColumn(id, _columnTitle ?? ""));
                break;
            case JsonTokenType.EndObject when depth == 0:
                _finished = true;
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
