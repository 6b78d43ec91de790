using System.Text.Json;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>Lands one response body while a scanner reads it, as every Salesforce page is landed.</summary>
internal static class PageLanding
{
    /// <summary>
    /// Copies the body into the batch as <paramref name="name"/>, through <paramref name="scanner"/>;
    /// <paramref name="complete"/> ends the scan and says how many records the page holds. A body that breaks off is
    /// taken back (the client fetches it again); one the scanner refuses stays landed, for inspection, and fails the
    /// read with <paramref name="malformed"/>(reason, error).
    /// </summary>
    public static async Task LandAsync(LandingBatch batch, string name, HttpResponseMessage response, IBodyScanner scanner, Func<long> complete,
        Func<string, Exception, Exception> malformed, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            await batch.WriteAsync(name, new ScanningStream(body, scanner), complete, cancellationToken);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            throw malformed(e.Message, e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            batch.Discard(name);
            throw;
        }
    }
}
