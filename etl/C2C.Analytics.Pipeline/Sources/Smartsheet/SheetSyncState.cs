using System.Text.Json.Serialization;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>One sheet of the tracker after a run: version, read times and the files holding its current rows, oldest first.</summary>
internal sealed class SheetSyncState
{
    [JsonPropertyName("id")]
    public long Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("version")]
    public long Version { get; set; }

    /// <summary>When the last read of the sheet started: the next <c>rowsModifiedSince</c> (less the overlap).</summary>
    [JsonPropertyName("read_at")]
    public DateTimeOffset ReadAt { get; set; }

    [JsonPropertyName("full_read_at")]
    public DateTimeOffset FullReadAt { get; set; }

    [JsonPropertyName("parts")]
    public List<SheetPart> Parts { get; set; } = [];
}
