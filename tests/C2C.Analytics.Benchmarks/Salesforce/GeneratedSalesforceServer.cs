using System.Buffers;
using System.Globalization;
using System.Text;
using C2C.Analytics.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace C2C.Analytics.Benchmarks.Salesforce;

/// <summary>
/// A Salesforce stand-in on 127.0.0.1 for the benchmark: a token endpoint, and <see cref="Records"/> opportunities served
/// by <c>/query</c> in pages of <c>pageSize</c> with <c>nextRecordsUrl</c> (OpportunityHistory: one empty page). Pages
/// are the query resource's shape (attributes, nested Account and Owner, a null lookup every tenth record). So that the
/// server costs next to nothing, one page of records is rendered once with fixed-width placeholders, and each response
/// copies it and writes the records' numbers into it: the same bytes whoever downloads them.
/// </summary>
internal sealed class GeneratedSalesforceServer : IAsyncDisposable
{
    public const string Token = "00DBENCH000000001!benchmark-access-token";
    private const string Cursor = "01gBENCH00000001AAA";
    private const int Digits = 12;
    private readonly WebApplication _app;
    private readonly int _pageSize;
    private readonly byte[] _records;
    private readonly int[] _recordEnds;
    private readonly int[] _numberOffsets;
    private long _bytesSent;

    public GeneratedSalesforceServer(int pageSize)
    {
        _pageSize = pageSize;
        (_records, _recordEnds, _numberOffsets) = RenderPage(pageSize);
        (_app, BaseUrl) = LoopbackServer.Start(HandleAsync);
    }

    public string BaseUrl { get; }

    /// <summary>How many opportunities the org has (set between runs).</summary>
    public int Records { get; set; }

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    /// <summary>Every page of the opportunities, as a plain client would fetch them (the first page by its cursor too).</summary>
    public IEnumerable<string> PageUrls()
    {
        for (var offset = 0; offset == 0 || offset < Records; offset += _pageSize)
        {
            yield return BaseUrl + PagePath(offset);
        }
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static string PagePath(int offset) => string.Create(CultureInfo.InvariantCulture, $"/services/data/v66.0/query/{Cursor}-{offset:000000000}");

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        context.Response.ContentType = "application/json;charset=UTF-8";
        context.Response.Headers["Sforce-Limit-Info"] = "api-usage=1000/5000000";
        if (path == "/services/oauth2/token")
        {
            await WriteAsync(context, Encoding.UTF8.GetBytes($$"""{"access_token":"{{Token}}","instance_url":"{{BaseUrl}}","id":"{{BaseUrl}}/id/00D/005","token_type":"Bearer","scope":"api"}"""));
        }
        else if (path.StartsWith("/services/data/v66.0/query/" + Cursor + "-", StringComparison.Ordinal))
        {
            await WritePageAsync(context, int.Parse(path[(path.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture));
        }
        else if (context.Request.Query["q"].ToString().Contains("FROM Opportunity ", StringComparison.Ordinal))
        {
            await WritePageAsync(context, 0);
        }
        else
        {
            await WriteAsync(context, """{"totalSize":0,"done":true,"records":[]}"""u8.ToArray());
        }
    }

    private async Task WritePageAsync(HttpContext context, int offset)
    {
        var count = Math.Max(0, Math.Min(_pageSize, Records - offset));
        var last = offset + count >= Records;
        var head = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"totalSize":{{Records}},"done":{{(last ? "true" : "false")}},{{(last ? "" : $"\"nextRecordsUrl\":\"{PagePath(offset + count)}\",")}}"records":["""));
        var length = count == 0 ? 0 : _recordEnds[count - 1];
        var body = ArrayPool<byte>.Shared.Rent(Math.Max(1, length));
        try
        {
            _records.AsSpan(0, length).CopyTo(body);
            for (var i = 0; i < count; i++)
            {
                var number = offset + i + 1;
                for (var k = 0; k < 3; k++)
                {
                    WriteNumber(body.AsSpan(_numberOffsets[(i * 3) + k], Digits), number);
                }
            }

            context.Response.ContentLength = head.Length + length + 2;
            await context.Response.Body.WriteAsync(head);
            await context.Response.Body.WriteAsync(body.AsMemory(0, length));
            await context.Response.Body.WriteAsync("]}"u8.ToArray());
            Interlocked.Add(ref _bytesSent, head.Length + length + 2);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(body);
        }
    }

    private async Task WriteAsync(HttpContext context, byte[] body)
    {
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
        Interlocked.Add(ref _bytesSent, body.Length);
    }

    private static void WriteNumber(Span<byte> target, long number)
    {
        for (var d = target.Length - 1; d >= 0; d--)
        {
            target[d] = (byte)('0' + (number % 10));
            number /= 10;
        }
    }

    /// <summary>One page of records, the record numbers left as zeros; where each record ends, and where its numbers go.</summary>
    private static (byte[] Records, int[] Ends, int[] NumberOffsets) RenderPage(int pageSize)
    {
        var text = new StringBuilder();
        var ends = new int[pageSize];
        var offsets = new int[pageSize * 3];
        var placeholder = new string('0', Digits);
        for (var i = 0; i < pageSize; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            void Number(int k)
            {
                offsets[(i * 3) + k] = text.Length; // ASCII only: characters are bytes
                text.Append(placeholder);
            }

            var account = (i % 10) == 9 ? null : string.Create(CultureInfo.InvariantCulture, $"001BN00000000{i % 1000:000}AAA");
            var stage = (i % 5) switch { 0 => "Prospecting", 1 => "Proposal", 2 => "Negotiation", 3 => "Closed Won", _ => "Closed Lost" };
            text.Append("""{"attributes":{"type":"Opportunity","url":"/services/data/v66.0/sobjects/Opportunity/006""");
            Number(0);
            text.Append("""AAA"},"Id":"006""");
            Number(1);
            text.Append("""AAA","Name":"Opportunity """);
            Number(2);
            text.Append('"');
            text.Append(account is null
                ? ""","AccountId":null,"Account":null"""
                : $$""","AccountId":"{{account}}","Account":{"attributes":{"type":"Account","url":"/services/data/v66.0/sobjects/Account/{{account}}"},"Name":"Account {{i % 1000}}"}""");
            text.Append(CultureInfo.InvariantCulture, $$""","StageName":"{{stage}}","Amount":{{(i % 97 + 1) * 1250}}.0,"CloseDate":"2025-{{i % 12 + 1:00}}-{{i % 28 + 1:00}}","Probability":{{(i % 5) * 20}}.0""");
            text.Append(CultureInfo.InvariantCulture, $$""","ForecastCategoryName":"Pipeline","IsClosed":{{(i % 5 >= 3 ? "true" : "false")}},"IsWon":{{(i % 5 == 3 ? "true" : "false")}}""");
            text.Append(""","CurrencyIsoCode":"USD","OwnerId":"005BN000000001AAA","Owner":{"attributes":{"type":"User","url":"/services/data/v66.0/sobjects/User/005BN000000001AAA"},"Name":"Ana Sales","Email":"ana.sales@example.com"}""");
            text.Append(CultureInfo.InvariantCulture, $$""","CreatedDate":"2025-01-{{i % 28 + 1:00}}T09:00:00.000+0000","LastModifiedDate":"2025-06-01T{{i / 3600 % 24:00}}:{{i / 60 % 60:00}}:{{i % 60:00}}.000+0000","SystemModstamp":"2025-06-01T{{i / 3600 % 24:00}}:{{i / 60 % 60:00}}:{{i % 60:00}}.000+0000","IsDeleted":false}""");
            ends[i] = text.Length;
        }

        return (Encoding.ASCII.GetBytes(text.ToString()), ends, offsets);
    }
}
