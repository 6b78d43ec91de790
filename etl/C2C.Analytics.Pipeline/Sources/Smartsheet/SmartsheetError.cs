using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>Smartsheet's error object, <c>{"errorCode": 4003, "message": "…", "refId": "…"}</c>; any part may be missing.</summary>
internal sealed record SmartsheetError(int? ErrorCode, string? Message, string? RefId)
{
    public static readonly SmartsheetError None = new(null, null, null);

    /// <summary>The error object in a body, or <see cref="None"/> when the body is not one (an HTML page from a proxy).</summary>
    public static SmartsheetError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return None;
            }

            int? code = root.TryGetProperty("errorCode", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            var refId = root.TryGetProperty("refId", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            return new SmartsheetError(code, message, refId);
        }
        catch (JsonException)
        {
            return None;
        }
    }
}
