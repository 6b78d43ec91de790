using System.Text.Json.Serialization;

namespace C2C.Analytics.Pipeline.Landing;

/// <summary>
/// One landed file: what a source sent in one page or response, byte for byte. <see cref="LandingRunId"/> is set when
/// the file was landed by an earlier run and this run's data set still includes it (an incremental read that keeps a
/// sheet's earlier pages); <see cref="Records"/> then counts only the records this run takes from it.
/// </summary>
public sealed record LandedFile(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("records")] long Records)
{
    [JsonPropertyName("landing_run_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? LandingRunId { get; init; }
}

/// <summary>The watermark range an incremental extract covered (UTC); null bounds mean "from the beginning" / "full".</summary>
public sealed record WatermarkRange(
    [property: JsonPropertyName("from")] DateTimeOffset? From,
    [property: JsonPropertyName("to")] DateTimeOffset? To);

/// <summary>
/// <c>manifest.json</c> of one entity in one run: written last, so a folder without it is an extract that did not
/// finish and is never loaded.
/// </summary>
public sealed record LandingManifest(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("entity")] string Entity,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("extracted_at")] DateTimeOffset ExtractedAt,
    [property: JsonPropertyName("watermark")] WatermarkRange Watermark,
    [property: JsonPropertyName("files")] IReadOnlyList<LandedFile> Files)
{
    public const string FileName = "manifest.json";

    [JsonPropertyName("record_count")]
    public long RecordCount => Files.Sum(f => f.Records);
}
