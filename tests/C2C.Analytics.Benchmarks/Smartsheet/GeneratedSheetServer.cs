using System.Globalization;
using System.Text.Json;
using C2C.Analytics.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace C2C.Analytics.Benchmarks.Smartsheet;

/// <summary>
/// A Smartsheet stand-in on 127.0.0.1 for the benchmark: sheets 1..N of <c>rows</c> rows over the given column titles,
/// every GET /sheets/{id} page generated while it is sent (so the server holds no page in memory), with
/// ifVersionAfter answered as Smartsheet does. Values are deterministic text, dates, numbers and contacts.
/// </summary>
internal sealed class GeneratedSheetServer : IAsyncDisposable
{
    private const long Version = 7;
    private readonly WebApplication _app;
    private readonly IReadOnlyList<string> _titles;
    private readonly int _rows;

    public GeneratedSheetServer(IReadOnlyList<string> titles, int rows)
    {
        _titles = titles;
        _rows = rows;
        (_app, var address) = LoopbackServer.Start(HandleAsync);
        BaseUrl = address + "/2.0";
    }

    public string BaseUrl { get; }

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    private long _bytesSent;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        var id = long.Parse(context.Request.Path.Value!.Split('/')[^1], CultureInfo.InvariantCulture);
        var query = context.Request.Query;
        context.Response.ContentType = "application/json";
        var counting = new CountingStream(context.Response.Body);
        await using var writer = new Utf8JsonWriter(counting);
        if (query.TryGetValue("ifVersionAfter", out var after) && long.Parse(after!, CultureInfo.InvariantCulture) >= Version)
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", Version);
            writer.WriteEndObject();
        }
        else
        {
            var size = int.Parse(query["pageSize"]!, CultureInfo.InvariantCulture);
            var pages = Math.Max(1, (_rows + size - 1) / size);
            var page = Math.Min(int.Parse(query["page"]!, CultureInfo.InvariantCulture), pages);
            await WriteSheetAsync(writer, id, (page - 1) * size, Math.Min(_rows, page * size));
        }

        await writer.FlushAsync();
        Interlocked.Add(ref _bytesSent, counting.Written);
    }

    private async Task WriteSheetAsync(Utf8JsonWriter writer, long sheetId, int from, int to)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", sheetId);
        writer.WriteString("name", "Region " + sheetId.ToString(CultureInfo.InvariantCulture));
        writer.WriteNumber("version", Version);
        writer.WriteNumber("totalRowCount", _rows);
        writer.WriteString("accessLevel", "VIEWER");
        writer.WriteStartArray("columns");
        for (var c = 0; c < _titles.Count; c++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", ColumnId(sheetId, c));
            writer.WriteNumber("index", c);
            writer.WriteString("title", _titles[c]);
            writer.WriteString("type", _titles[c].EndsWith("Date", StringComparison.Ordinal) ? "DATE" : "TEXT_NUMBER");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rows");
        for (var r = from; r < to; r++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", (sheetId * 1_000_000) + r);
            writer.WriteNumber("rowNumber", r + 1);
            writer.WriteString("modifiedAt", "2025-06-01T12:00:00Z");
            writer.WriteStartArray("cells");
            for (var c = 0; c < _titles.Count; c++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("columnId", ColumnId(sheetId, c));
                WriteValue(writer, _titles[c], sheetId, r);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            if (writer.BytesPending > 64 * 1024)
            {
                await writer.FlushAsync();
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static long ColumnId(long sheetId, int column) => (sheetId * 1000) + column + 1;

    private static void WriteValue(Utf8JsonWriter writer, string title, long sheetId, int row)
    {
        if (title == "Opportunity ID")
        {
            // 15 digits: a valid Salesforce ID, unique across sheets.
            writer.WriteString("value", (6_000_000_000_000_00L + (sheetId * 100_000) + row).ToString("000000000000000", CultureInfo.InvariantCulture));
        }
        else if (title.EndsWith("Date", StringComparison.Ordinal))
        {
            writer.WriteString("value", new DateOnly(2024, 1, 1).AddDays(row % 500).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else if (title.EndsWith("Owner", StringComparison.Ordinal))
        {
            writer.WriteString("value", "owner" + (row % 40).ToString(CultureInfo.InvariantCulture) + "@example.com");
            writer.WriteString("displayValue", "Owner " + (row % 40).ToString(CultureInfo.InvariantCulture));
        }
        else if (title == "Contract Value")
        {
            writer.WriteNumber("value", 1000 + (row % 997) * 125);
            writer.WriteString("displayValue", "$" + (1000 + (row % 997) * 125).ToString("N2", CultureInfo.InvariantCulture));
        }
        else if (title.EndsWith("Status", StringComparison.Ordinal))
        {
            writer.WriteString("value", row % 3 == 0 ? "Complete" : "In Progress");
            writer.WriteString("displayValue", row % 3 == 0 ? "Complete" : "In Progress");
        }
        else
        {
            var text = title + " " + row.ToString(CultureInfo.InvariantCulture);
            writer.WriteString("value", text);
            writer.WriteString("displayValue", text);
        }
    }

    /// <summary>Counts what goes through to the response.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Written += buffer.Length;
        }
    }
}
