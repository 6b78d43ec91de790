using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// Lands records as the bodies of Salesforce <c>/query</c> responses: <c>totalSize</c> (all records, every page),
/// <c>done</c>, a relative <c>nextRecordsUrl</c> on every page but the last (<c>/services/data/v66.0/query/01g…-2000</c>:
/// the query locator and how many records came before the next page) and at most the page size of
/// <c>records</c>. An empty result is one page: <c>{"totalSize":0,"done":true,"records":[]}</c>.
/// </summary>
internal sealed class SalesforceQueryPageWriter(ArrayBufferWriter<byte> buffer, int pageSize)
{
    public const string ApiVersion = "v66.0";

    private static readonly JsonEncodedText TotalSize = JsonEncodedText.Encode("totalSize");
    private static readonly JsonEncodedText Done = JsonEncodedText.Encode("done");
    private static readonly JsonEncodedText NextRecordsUrl = JsonEncodedText.Encode("nextRecordsUrl");
    private static readonly JsonEncodedText Records = JsonEncodedText.Encode("records");

    /// <summary>Writes <paramref name="count"/> records, <paramref name="writeRecord"/>(writer, i) writing record i, in page files <c>&lt;prefix&gt;-page-0001.json</c>, ….</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void WriteAll(LandingBatch batch, string filePrefix, string queryLocator, int count, Action<Utf8JsonWriter, int> writeRecord, CancellationToken cancellationToken)
    {
        var pages = Math.Max(1, (count + pageSize - 1) / pageSize);
        using var writer = new Utf8JsonWriter(buffer, SampleJson.WriterOptions);
        for (var page = 0; page < pages; page++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            var start = page * pageSize;
            var end = Math.Min(count, start + pageSize);
            var last = page == pages - 1;
            writer.WriteStartObject();
            writer.WriteNumber(TotalSize, count);
            writer.WriteBoolean(Done, last);
            if (!last)
            {
                writer.WriteString(NextRecordsUrl, $"/services/data/{ApiVersion}/query/{queryLocator}-{end}");
            }

            writer.WriteStartArray(Records);
            for (var i = start; i < end; i++)
            {
                writeRecord(writer, i);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            batch.Write($"{filePrefix}-page-{page + 1:0000}.json", buffer.WrittenSpan, end - start);
        }
    }
}
