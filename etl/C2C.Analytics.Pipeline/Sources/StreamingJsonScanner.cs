using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources;

/// <summary>
/// Reads a JSON body token by token as chunks arrive, keeping only the unread tail of the last chunk (one token that
/// does not fit grows the buffer). A subclass picks out what it needs in <see cref="Handle"/>. <see cref="Complete"/>
/// throws <see cref="JsonException"/> when the body is not JSON or ends before its root object does.
/// </summary>
internal abstract class StreamingJsonScanner : IBodyScanner
{
    private const string EndsEarly = "The response ends before its JSON does.";
    private byte[] _buffer = new byte[64 * 1024];
    private int _count;
    private JsonReaderState _state;
    private bool _finished;

    public void Append(ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            if (_count == _buffer.Length)
            {
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
        try
        {
            Process(isFinalBlock: true);
        }
        catch (JsonException e)
        {
            throw new JsonException(EndsEarly, e);
        }

        if (!_finished)
        {
            throw new JsonException(EndsEarly);
        }
    }

    /// <summary>The name of the root object's property being read (what a token at depth 1 belongs to).</summary>
    protected string? TopProperty { get; private set; }

    /// <summary>One token; the root object's property names and its end are noted by the base class.</summary>
    protected abstract void Handle(ref Utf8JsonReader reader);

    private void Process(bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(_buffer.AsSpan(0, _count), isFinalBlock, _state);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
            {
                TopProperty = reader.GetString();
            }

            Handle(ref reader);
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
            {
                _finished = true;
            }
        }

        var consumed = (int)reader.BytesConsumed;
        _state = reader.CurrentState;
        _buffer.AsSpan(consumed, _count - consumed).CopyTo(_buffer);
        _count -= consumed;
    }
}
