using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using C2C.Analytics.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

/// <summary>
/// Smartsheet API 2.0 as a real HTTP server on 127.0.0.1 (Kestrel, port 0), serving the documented shapes: GET
/// /sheets/{id} with page/pageSize (a page past the end repeats the last page), ifVersionAfter (<c>{"version": N}</c>
/// when unchanged) and rowsModifiedSince (only the rows modified since, totalRowCount still the whole sheet); workspace
/// and folder children with token pagination; errors as Smartsheet's error object. Faults are queued per path. Every
/// request is logged with the SHA-256 of the body it was sent.
/// </summary>
public sealed class FakeSmartsheet : IAsyncDisposable
{
    public const string Token = "fake-token-7f3a9c2e51b84d06";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string PathPart, int Status, string Body, int? RetryAfter)> _faults = new();

    public FakeSmartsheet()
    {
        (_app, var address) = LoopbackServer.Start(HandleAsync);
        BaseUrl = address + "/2.0";
    }

    public string BaseUrl { get; }

    public Dictionary<long, FakeSheet> Sheets { get; } = [];

    /// <summary>Workspace and folder id → children (resourceType "sheet" or "folder").</summary>
    public Dictionary<long, List<(string Type, long Id, string Name)>> Containers { get; } = [];

    /// <summary>At most this many children per listing page, whatever maxItems asks (the API may return fewer).</summary>
    public int ChildrenPageLimit { get; set; } = 100;

    /// <summary>Sheets the token may not read (403, error 1004).</summary>
    public HashSet<long> Forbidden { get; } = [];

    /// <summary>Answer every request with 401, error 1003 (token expired).</summary>
    public bool TokenExpired { get; set; }

    /// <summary>Every request, in order: path and query, the status sent, and the SHA-256 of the body sent.</summary>
    public ConcurrentQueue<(string Request, int Status, string Sha256)> Log { get; } = new();

    public FakeSheet Add(FakeSheet sheet)
    {
        Sheets[sheet.Id] = sheet;
        return sheet;
    }

    /// <summary>The next <paramref name="times"/> requests whose path contains <paramref name="pathPart"/> get this error.</summary>
    public void Fail(string pathPart, int status, int errorCode, string message, int? retryAfterSeconds = null, int times = 1)
    {
        var body = $$"""{"errorCode": {{errorCode}}, "message": "{{message}}", "refId": "fake{{errorCode}}"}""";
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue((pathPart, status, body, retryAfterSeconds));
        }
    }

    public IReadOnlyList<string> Requests => Log.Select(l => l.Request).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request.Path + context.Request.QueryString.ToUriComponent();
        var (status, body, retryAfter) = Answer(context.Request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=UTF-8";
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        Log.Enqueue((Uri.UnescapeDataString(request), status, Convert.ToHexStringLower(SHA256.HashData(body))));
        await context.Response.Body.WriteAsync(body);
    }

    private (int Status, byte[] Body, int? RetryAfter) Answer(HttpRequest request)
    {
        var path = request.Path.Value ?? "";
        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            return Error(401, 1002, "Your Access Token is invalid.");
        }

        if (TokenExpired)
        {
            return Error(401, 1003, "Your Access Token has expired.");
        }

        lock (_faults)
        {
            var pending = _faults.ToList();
            var match = pending.FindIndex(f => path.Contains(f.PathPart, StringComparison.Ordinal));
            if (match >= 0)
            {
                var fault = pending[match];
                pending.RemoveAt(match);
                _faults.Clear();
                pending.ForEach(_faults.Enqueue);
                return (fault.Status, Encoding.UTF8.GetBytes(fault.Body), fault.RetryAfter);
            }
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["2.0", "sheets", var id] => Sheet(long.Parse(id, CultureInfo.InvariantCulture), request.Query),
            ["2.0", "workspaces" or "folders", var id, "children"] => Children(long.Parse(id, CultureInfo.InvariantCulture), request.Query),
            _ => Error(404, 1006, "Not Found"),
        };
    }

    private (int, byte[], int?) Sheet(long id, IQueryCollection query)
    {
        if (!Sheets.TryGetValue(id, out var sheet))
        {
            return Error(404, 1006, "Not Found");
        }

        if (Forbidden.Contains(id))
        {
            return Error(403, 1004, "You are not authorized to perform this action.");
        }

        if (query.TryGetValue("ifVersionAfter", out var after) && sheet.Version <= long.Parse(after!, CultureInfo.InvariantCulture))
        {
            return (200, Encoding.UTF8.GetBytes($$"""{"version": {{sheet.Version}}}"""), null);
        }

        IReadOnlyList<FakeRow> rows = sheet.Rows;
        if (query.TryGetValue("rowsModifiedSince", out var since))
        {
            var from = DateTimeOffset.Parse(since!, CultureInfo.InvariantCulture);
            rows = rows.Where(r => r.ModifiedAt >= from).ToList();
        }

        if (query.TryGetValue("page", out var pageText))
        {
            var size = query.TryGetValue("pageSize", out var sizeText) ? int.Parse(sizeText!, CultureInfo.InvariantCulture) : 100;
            var pages = Math.Max(1, (rows.Count + size - 1) / size);
            var page = Math.Min(int.Parse(pageText!, CultureInfo.InvariantCulture), pages); // past the end: the last page
            rows = rows.Skip((page - 1) * size).Take(size).ToList();
        }

        var include = query.TryGetValue("include", out var includeText) ? includeText.ToString().Split(',') : [];
        return (200, sheet.Body(rows, include.Contains("attachments")), null);
    }

    private (int, byte[], int?) Children(long id, IQueryCollection query)
    {
        if (!Containers.TryGetValue(id, out var children))
        {
            return Error(404, 1006, "Not Found");
        }

        var start = query.TryGetValue("lastKey", out var key) ? int.Parse(key!, CultureInfo.InvariantCulture) : 0;
        var max = Math.Min(ChildrenPageLimit, query.TryGetValue("maxItems", out var maxText) ? int.Parse(maxText!, CultureInfo.InvariantCulture) : 100);
        var data = new JsonArray();
        foreach (var (type, childId, name) in children.Skip(start).Take(max))
        {
            data.Add(new JsonObject { ["resourceType"] = type, ["id"] = childId, ["name"] = name });
        }

        var body = new JsonObject { ["data"] = data };
        if (start + max < children.Count)
        {
            body["lastKey"] = (start + max).ToString(CultureInfo.InvariantCulture);
        }

        return (200, Encoding.UTF8.GetBytes(body.ToJsonString()), null);
    }

    private static (int, byte[], int?) Error(int status, int code, string message) =>
        (status, Encoding.UTF8.GetBytes($$"""{"errorCode": {{code}}, "message": "{{message}}", "refId": "fake{{code}}"}"""), null);
}
