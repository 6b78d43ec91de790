using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// What Salesforce said went wrong: a REST error (a JSON array of <c>{"message", "errorCode", "fields"}</c>, the
/// first one kept) or an OAuth error (<c>{"error", "error_description"}</c>). Any part may be missing; a body that is
/// neither (an HTML page from a proxy) is <see cref="None"/>.
/// </summary>
internal sealed record SalesforceError(string? ErrorCode, string? Message, IReadOnlyList<string> Fields)
{
    public static readonly SalesforceError None = new(null, null, []);

    public static SalesforceError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                root = root.EnumerateArray().FirstOrDefault();
            }

            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            var fields = root.TryGetProperty("fields", out var f) && f.ValueKind == JsonValueKind.Array
                ? f.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            return new SalesforceError(
                Text(root, "errorCode") ?? Text(root, "error"),
                Text(root, "message") ?? Text(root, "error_description"),
                fields);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
