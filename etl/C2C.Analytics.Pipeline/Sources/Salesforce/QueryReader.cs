using System.Globalization;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Runs one SOQL query through the REST API (<c>/query</c>, or <c>/queryAll</c> to include deleted records) and
/// lands every page as it arrives, following <c>nextRecordsUrl</c> to the end: one page in memory at a time, and not
/// even that (the body is copied to disk while it is scanned). A page whose body breaks off is fetched again; a page
/// that arrives whole but is not a query page (cut-off JSON, no records) fails the read naming it, and stays in the
/// landing folder for inspection.
/// </summary>
internal sealed class QueryReader(SalesforceClient client, LandingBatch batch, SalesforceObject sobject, int batchSize)
{
    public async Task<ObjectRead> ReadAsync(string soql, bool queryAll, CancellationToken cancellationToken)
    {
        var url = client.DataPath(queryAll ? "queryAll" : "query") + "?q=" + Uri.EscapeDataString(soql);
        var latest = new ModstampMaximum();
        long records = 0;
        var page = 0;
        while (url is not null)
        {
            page++;
            var scan = await FetchAsync(url, page, cancellationToken);
            latest.Add(scan.Latest);
            records += scan.Page.Records;
            url = scan.Page.Done == true ? null : scan.Page.NextRecordsUrl;
        }

        return new ObjectRead(records, page, latest.Value);
    }

    private string Subject(int page) => string.Create(CultureInfo.InvariantCulture, $"Salesforce {sobject.Name} page {page}");

    private Task<(QueryPageScanner Page, ModstampMaximum Latest)> FetchAsync(string url, int page, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{sobject.Entity}-page-{page:000000}.json");
        var request = SalesforceRequest.Get(url) with { Headers = [("Sforce-Query-Options", string.Create(CultureInfo.InvariantCulture, $"batchSize={batchSize}"))] };
        return client.SendAsync(request, Subject(page), async (response, token) =>
        {
            var latest = new ModstampMaximum();
            var scanner = new QueryPageScanner(latest);
            await PageLanding.LandAsync(batch, name, response, scanner, () =>
            {
                scanner.Complete();
                return scanner.Records;
            }, (reason, error) => Malformed(page, url, name, reason, error), token);

            if (!scanner.HasRecords || scanner.Done is null || (scanner.Done == false && scanner.NextRecordsUrl is null))
            {
                throw Malformed(page, url, name, "it has no records array, no done flag, or is not done and has no nextRecordsUrl.", null);
            }

            if (scanner.NextRecordsUrl is { } next && scanner.Done == false)
            {
                client.InstanceUrl(next); // a path of this instance, or the read fails here
            }

            return (scanner, latest);
        }, cancellationToken);
    }

    private InvalidDataException Malformed(int page, string url, string name, string reason, Exception? inner) =>
        new($"{Subject(page)} ({Shorten(url)}) is not a whole query page: {reason} The page is kept as {Path.Combine(batch.Folder, name)} for inspection; nothing of this run is committed.", inner);

    /// <summary>The first page's URL carries the whole SOQL: its path is enough to name it.</summary>
    private static string Shorten(string url) => url.Length <= 120 ? url : url[..117] + "…";
}
