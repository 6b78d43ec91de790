using System.Text.Json.Nodes;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

/// <summary>One row of a <see cref="FakeSheet"/>: cells by column title (a title with no cell is an empty cell).</summary>
public sealed class FakeRow(long id, DateTimeOffset modifiedAt)
{
    public long Id { get; } = id;

    public DateTimeOffset ModifiedAt { get; set; } = modifiedAt;

    public Dictionary<string, JsonObject> Cells { get; } = new(StringComparer.Ordinal);

    /// <summary>The row's attachments (names), sent only to a request with <c>include=attachments</c>.</summary>
    public List<string> Attachments { get; } = [];
}
