using System.Text.Json;

namespace C2C.Analytics.PowerBi.Tests.Support;

/// <summary>The model fields a PBIR visual.json binds: every <c>Column</c> and <c>Measure</c> field with its entity and property.</summary>
public static class ReportFields
{
    public static IReadOnlyList<(string Kind, string Entity, string Property)> Read(string visualJson)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(visualJson));
        var fields = new List<(string, string, string)>();
        Walk(document.RootElement, fields);
        return fields;
    }

    private static void Walk(JsonElement element, List<(string, string, string)> fields)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name is "Column" or "Measure" && property.Value.ValueKind == JsonValueKind.Object
                    && property.Value.TryGetProperty("Property", out var name)
                    && property.Value.TryGetProperty("Expression", out var expression)
                    && expression.TryGetProperty("SourceRef", out var source) && source.TryGetProperty("Entity", out var entity))
                {
                    fields.Add((property.Name, entity.GetString()!, name.GetString()!));
                }

                Walk(property.Value, fields);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, fields);
            }
        }
    }
}
