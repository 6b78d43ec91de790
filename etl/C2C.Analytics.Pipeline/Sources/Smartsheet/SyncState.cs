using System.Text.Json.Serialization;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Where the Smartsheet extract stood after one run (<c>&lt;data&gt;/state/smartsheet/&lt;run_id&gt;.json</c>): for each
/// sheet of the tracker, its version, when it was read and last read in full, and the landed files that make up its
/// current rows. The next run starts from the state of the run the warehouse last committed, so a failed run moves
/// nothing forward.
/// </summary>
internal sealed class SyncState
{
    [JsonPropertyName("run_id")]
    public string RunId { get; set; } = "";

    [JsonPropertyName("read_at")]
    public DateTimeOffset ReadAt { get; set; }

    [JsonPropertyName("sheets")]
    public List<SheetSyncState> Sheets { get; set; } = [];

    /// <summary>Sheets found in a workspace or folder whose columns do not match the template.</summary>
    [JsonPropertyName("skipped")]
    public List<SkippedSheet> Skipped { get; set; } = [];
}
