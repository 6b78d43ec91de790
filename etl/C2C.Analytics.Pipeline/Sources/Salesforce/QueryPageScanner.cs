using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Reads what the client needs from a <c>/query</c> response while it is being landed, chunk by chunk, without
/// holding it: <c>totalSize</c>, <c>done</c>, <c>nextRecordsUrl</c>, how many records the page holds and the latest
/// <c>SystemModstamp</c> among them. Salesforce writes <c>nextRecordsUrl</c> before <c>records</c>, so
/// <see cref="NextRecordsUrlFound"/> fires while the records are still arriving.
/// </summary>
internal sealed class QueryPageScanner : StreamingJsonScanner
{
    private readonly ModstampMaximum _modstamps;
    private bool _inRecords;
    private bool _atModstamp;

    public QueryPageScanner(ModstampMaximum modstamps) => _modstamps = modstamps;

    public event Action<string>? NextRecordsUrlFound;

    public long? TotalSize { get; private set; }

    public bool? Done { get; private set; }

    public string? NextRecordsUrl { get; private set; }

    public bool HasRecords { get; private set; }

    public long Records { get; private set; }

    protected override void Handle(ref Utf8JsonReader reader)
    {
        var depth = reader.CurrentDepth;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartArray when depth == 1 && TopProperty == "records":
                HasRecords = true;
                _inRecords = true;
                break;
            case JsonTokenType.EndArray when depth == 1:
                _inRecords = false;
                break;
            case JsonTokenType.StartObject when depth == 2 && _inRecords:
                Records++;
                break;
            case JsonTokenType.PropertyName when depth == 3 && _inRecords:
                _atModstamp = reader.ValueTextEquals("SystemModstamp"u8);
                break;
            case JsonTokenType.String when depth == 3 && _atModstamp:
                if (reader.ValueIsEscaped)
                {
                    _modstamps.Add(reader.GetString()!);
                }
                else
                {
                    _modstamps.Add(reader.ValueSpan);
                }

                _atModstamp = false;
                break;
            case JsonTokenType.Number when depth == 1 && TopProperty == "totalSize":
                TotalSize = reader.GetInt64();
                break;
            case JsonTokenType.True or JsonTokenType.False when depth == 1 && TopProperty == "done":
                Done = reader.GetBoolean();
                break;
            case JsonTokenType.String when depth == 1 && TopProperty == "nextRecordsUrl":
                NextRecordsUrl = reader.GetString();
                NextRecordsUrlFound?.Invoke(NextRecordsUrl!);
                break;
        }
    }
}
