using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using C2C.Analytics.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

/// <summary>
/// Salesforce as a real HTTP server on 127.0.0.1 (Kestrel, port 0), serving the documented shapes: the OAuth token
/// endpoint for the four flows (<see cref="FakeSalesforce"/>.OAuth), <c>/query</c> and <c>/queryAll</c> with a
/// snapshot cursor per query and relative <c>nextRecordsUrl</c>s, nested parents and null lookups (.Query), Bulk API 2.0
/// query jobs with CSV result pages and <c>Sforce-Locator</c> (.Bulk), errors as Salesforce's error arrays, and
/// <c>Sforce-Limit-Info</c> on every REST response. Faults are queued per path. Every request is logged with the
/// SHA-256 of the body sent.
/// </summary>
public sealed partial class FakeSalesforce : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();
    private int _dataRequests;

    public FakeSalesforce()
    {
        (_app, BaseUrl) = LoopbackServer.Start(HandleAsync);
    }

    /// <summary>Both the login host and the instance (the token response's instance_url).</summary>
    public string BaseUrl { get; }

    public List<JsonObject> Opportunities { get; } = [];

    public List<JsonObject> History { get; } = [];

    /// <summary>Fields this org does not have: selecting one gives 400 INVALID_FIELD.</summary>
    public HashSet<string> MissingFields { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>At most this many records per query page, whatever batchSize asks (Salesforce may send fewer).</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>The org's daily API requests: every REST response reports used/max and counts one more.</summary>
    public long ApiUsed { get; set; } = 100;

    public long ApiMax { get; set; } = 15000;

    /// <summary>Every request, in order: method, path and query (decoded), the status sent, and the SHA-256 of the body sent.</summary>
    public ConcurrentQueue<(string Method, string Request, int Status, string Sha256)> Log { get; } = new();

    public IReadOnlyList<string> Requests => Log.Select(l => l.Request).ToList();

    /// <summary>The SOQL of every query and bulk job, in order.</summary>
    public ConcurrentQueue<string> Queries { get; } = new();

    /// <summary>The next <paramref name="times"/> requests whose path and query contain <paramref name="pathPart"/> get this answer.</summary>
    public void Fail(string pathPart, int status, string body, int? retryAfterSeconds = null, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(new Fault(pathPart, FaultKind.Error, status, body, retryAfterSeconds));
        }
    }

    /// <summary>A Salesforce REST error array: <c>[{"message": …, "errorCode": …}]</c>.</summary>
    public void FailWith(string pathPart, int status, string errorCode, string message, int? retryAfterSeconds = null, int times = 1) =>
        Fail(pathPart, status, ErrorArray(errorCode, message).ToJsonString(), retryAfterSeconds, times);

    /// <summary>The next matching request gets its real answer cut in half, with a Content-Length that says so (a whole HTTP response).</summary>
    public void Truncate(string pathPart) => _faults.Enqueue(new Fault(pathPart, FaultKind.Truncate, 0, "", null));

    /// <summary>The next matching request gets half its real answer, then the connection is dropped.</summary>
    public void Drop(string pathPart) => _faults.Enqueue(new Fault(pathPart, FaultKind.Drop, 0, "", null));

    /// <summary>The next matching request is answered only after <paramref name="seconds"/>.</summary>
    public void Stall(string pathPart, int seconds) => _faults.Enqueue(new Fault(pathPart, FaultKind.Stall, seconds, "", null));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Key.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var pathAndQuery = Uri.UnescapeDataString(request.Path + request.QueryString.ToUriComponent());
        var form = request.HasFormContentType ? (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString()) : null;
        var json = request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true
            ? JsonNode.Parse(await new StreamReader(request.Body).ReadToEndAsync()) as JsonObject
            : null;
        var fault = TakeFault(pathAndQuery);
        if (fault is { Kind: FaultKind.Stall })
        {
            await Task.Delay(TimeSpan.FromSeconds(fault.Status));
        }

        var answer = fault is { Kind: FaultKind.Error }
            ? new Answer(fault.Status, Encoding.UTF8.GetBytes(fault.Body), RetryAfter: fault.RetryAfter)
            : Route(request, pathAndQuery, form, json);
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = answer.ContentType;
        if (answer.RetryAfter is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in answer.Headers)
        {
            response.Headers[name] = value;
        }

        if (request.Path.StartsWithSegments("/services/data", StringComparison.Ordinal))
        {
            response.Headers["Sforce-Limit-Info"] = string.Create(CultureInfo.InvariantCulture, $"api-usage={++ApiUsed}/{ApiMax}; api-bursts=1/750");
        }

        var body = answer.Body;
        if (fault is { Kind: FaultKind.Truncate or FaultKind.Drop })
        {
            body = body[..(body.Length / 2)];
        }

        Log.Enqueue((request.Method, pathAndQuery, answer.Status, Convert.ToHexStringLower(SHA256.HashData(body))));
        if (fault is { Kind: FaultKind.Drop })
        {
            response.ContentLength = answer.Body.Length;
            await response.Body.WriteAsync(body);
            await response.Body.FlushAsync();
            context.Abort();
            return;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    private Answer Route(HttpRequest request, string pathAndQuery, Dictionary<string, string>? form, JsonObject? json)
    {
        var path = request.Path.Value ?? "";
        if (path == "/services/oauth2/token" && request.Method == "POST")
        {
            return Token(form ?? []);
        }

        if (!path.StartsWith("/services/data/v", StringComparison.Ordinal))
        {
            return new Answer(404, ErrorArray("NOT_FOUND", "The requested resource does not exist"));
        }

        var token = request.Headers.Authorization.ToString();
        lock (_validTokens)
        {
            if (!token.StartsWith("Bearer ", StringComparison.Ordinal) || !_validTokens.Contains(token["Bearer ".Length..]))
            {
                return new Answer(401, ErrorArray("INVALID_SESSION_ID", "Session expired or invalid"));
            }

            if (Interlocked.Increment(ref _dataRequests) == _expireSessionsAt)
            {
                // This request still passes; the sessions expire behind it.
                _validTokens.Clear();
            }
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["services", "data", _, "query" or "queryAll"] => Query(segments[3] == "queryAll", request.Query["q"].ToString(), request.Headers),
            ["services", "data", _, "query", var locator] => NextPage(locator),
            ["services", "data", _, "jobs", "query"] when request.Method == "POST" => CreateJob(json),
            ["services", "data", _, "jobs", "query", var id] => JobStatus(id),
            ["services", "data", _, "jobs", "query", var id, "results"] => JobResults(id, request.Query),
            _ => new Answer(404, ErrorArray("NOT_FOUND", "The requested resource does not exist")),
        };
    }

    private Fault? TakeFault(string pathAndQuery)
    {
        lock (_faults)
        {
            var pending = _faults.ToList();
            var match = pending.FindIndex(f => pathAndQuery.Contains(f.PathPart, StringComparison.Ordinal));
            if (match < 0)
            {
                return null;
            }

            var fault = pending[match];
            pending.RemoveAt(match);
            _faults.Clear();
            pending.ForEach(_faults.Enqueue);
            return fault;
        }
    }

    private static JsonArray ErrorArray(string errorCode, string message) =>
        [new JsonObject { ["message"] = message, ["errorCode"] = errorCode }];

    private enum FaultKind
    {
        Error,
        Truncate,
        Drop,
        Stall,
    }

    private sealed record Fault(string PathPart, FaultKind Kind, int Status, string Body, int? RetryAfter);

    /// <summary>As Salesforce writes JSON: '+', quotes and non-ASCII letters as they are, not \u-escaped.</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Answer(int Status, byte[] Body, string ContentType = "application/json;charset=UTF-8", int? RetryAfter = null)
    {
        public Answer(int status, JsonNode body)
            : this(status, Encoding.UTF8.GetBytes(body.ToJsonString(Json)))
        {
        }

        public List<(string Name, string Value)> Headers { get; init; } = [];
    }
}
