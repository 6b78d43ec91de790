using System.Globalization;
using System.Text.Json;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// The sheets a run reads: the configured sheet IDs, then every sheet in the configured workspaces and folders, at any
/// depth, through <c>GET /workspaces/{id}/children</c> and <c>GET /folders/{id}/children</c> (token pagination:
/// <c>maxItems</c>, then <c>lastKey</c> while the response has one). A sheet is listed once, configured first.
/// </summary>
internal sealed class SheetDiscovery(SmartsheetClient client, SmartsheetOptions options)
{
    private const int MaxItems = 1000;

    public async Task<IReadOnlyList<SheetRef>> DiscoverAsync(CancellationToken cancellationToken)
    {
        var sheets = new List<SheetRef>();
        var ids = new HashSet<long>();
        foreach (var id in options.SheetIds.Where(ids.Add))
        {
            sheets.Add(new SheetRef(id, null, Discovered: false));
        }

        var folders = new HashSet<long>();
        var pending = new Queue<(string Kind, long Id)>(
            options.WorkspaceIds.Select(id => ("workspaces", id)).Concat(options.FolderIds.Select(id => ("folders", id))));
        while (pending.Count > 0)
        {
            var (kind, containerId) = pending.Dequeue();
            string? lastKey = null;
            do
            {
                var url = string.Create(CultureInfo.InvariantCulture,
                    $"{kind}/{containerId}/children?childrenResourceTypes=sheets,folders&paginationType=token&maxItems={MaxItems}");
                if (lastKey is not null)
                {
                    url += "&lastKey=" + Uri.EscapeDataString(lastKey);
                }

                var subject = string.Create(CultureInfo.InvariantCulture, $"{kind[..^1]} {containerId}");
                using var page = await client.GetAsync(url, subject, (body, token) => JsonDocument.ParseAsync(body, cancellationToken: token), cancellationToken);
                var root = page.RootElement;
                lastKey = root.TryGetProperty("lastKey", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
                if (!root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                {
                    throw new InvalidDataException($"{subject}: the children listing has no 'data' array.");
                }

                foreach (var child in data.EnumerateArray())
                {
                    if (!child.TryGetProperty("id", out var idElement) || !idElement.TryGetInt64(out var childId))
                    {
                        continue;
                    }

                    var type = Text(child, "resourceType") ?? Text(child, "type") ?? "";
                    if (type.StartsWith("sheet", StringComparison.OrdinalIgnoreCase) && ids.Add(childId))
                    {
                        sheets.Add(new SheetRef(childId, Text(child, "name"), Discovered: true));
                    }
                    else if (type.StartsWith("folder", StringComparison.OrdinalIgnoreCase) && folders.Add(childId))
                    {
                        pending.Enqueue(("folders", childId));
                    }
                }
            }
            while (!string.IsNullOrEmpty(lastKey));
        }

        return sheets;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
