using System.Text.Json.Serialization;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>One landed page of a sheet and the ids of the rows it holds (a later page's copy of a row wins).</summary>
internal sealed class SheetPart
{
    [JsonPropertyName("landing_run_id")]
    public string LandingRunId { get; set; } = "";

    [JsonPropertyName("file")]
    public LandedFile File { get; set; } = new("", 0, "", 0);

    [JsonPropertyName("row_ids")]
    public List<long> RowIds { get; set; } = [];
}
