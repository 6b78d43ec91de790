using System.Text.Json.Serialization;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>A sheet found in a workspace or folder but not read: it lacks configured columns (checked again when it changes).</summary>
internal sealed record SkippedSheet(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("missing_columns")] IReadOnlyList<string> MissingColumns);
