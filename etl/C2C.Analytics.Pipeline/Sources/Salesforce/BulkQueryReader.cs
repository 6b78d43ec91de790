using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Reads an object through a Bulk API 2.0 query job, for large orgs: creates the job (<c>POST …/jobs/query</c>,
/// operation <c>query</c> or <c>queryAll</c>, CSV), polls it until <c>JobComplete</c> (a <c>Failed</c> or
/// <c>Aborted</c> job fails the read with its error message), then lands every result page as the CSV Salesforce sent,
/// following <c>Sforce-Locator</c> until it is <c>null</c>. A page whose record count disagrees with
/// <c>Sforce-NumberOfRecords</c>, or that ends inside a quoted value, fails the read naming it and stays landed.
/// </summary>
internal sealed class BulkQueryReader(SalesforceClient client, LandingBatch batch, SalesforceObject sobject, SalesforceOptions options, TimeProvider clock, Action<string> report)
{
    private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(30);

    public async Task<ObjectRead> ReadAsync(string soql, bool queryAll, CancellationToken cancellationToken)
    {
        var jobId = await CreateAsync(soql, queryAll, cancellationToken);
        report($"Salesforce {sobject.Name}: bulk query job {jobId} created");
        await WaitAsync(jobId, cancellationToken);

        var latest = new ModstampMaximum();
        IReadOnlyList<string>? header = null;
        long records = 0;
        string? locator = null;
        var page = 0;
        do
        {
            page++;
            var url = client.DataPath($"jobs/query/{jobId}/results") + string.Create(CultureInfo.InvariantCulture, $"?maxRecords={options.BulkPageSize}")
                + (locator is null ? "" : "&locator=" + Uri.EscapeDataString(locator));
            var result = await FetchAsync(url, jobId, page, header, cancellationToken);
            latest.Add(result.Latest);
            header = result.Scan.Header ?? header;
            records += result.Scan.Records;
            locator = result.Locator is null or "null" or "" ? null : result.Locator;
        }
        while (locator is not null);

        return new ObjectRead(records, page, latest.Value);
    }

    private async Task<string> CreateAsync(string soql, bool queryAll, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, string>
        {
            ["operation"] = queryAll ? "queryAll" : "query",
            ["query"] = soql,
            ["contentType"] = "CSV",
            ["columnDelimiter"] = "COMMA",
            ["lineEnding"] = "LF",
        };
        var request = new SalesforceRequest(HttpMethod.Post, client.DataPath("jobs/query"), () => JsonContent.Create(body));
        var job = await client.SendAsync(request, $"Salesforce {sobject.Name} bulk query job", ReadJobAsync, cancellationToken);
        return job.Id is { } id && id.All(char.IsAsciiLetterOrDigit)
            ? id
            : throw new InvalidDataException($"Salesforce answered the creation of a bulk query job for {sobject.Name} without a job id.");
    }

    private async Task WaitAsync(string jobId, CancellationToken cancellationToken)
    {
        var deadline = clock.GetUtcNow() + TimeSpan.FromMinutes(options.BulkTimeoutMinutes);
        var wait = TimeSpan.FromMilliseconds(options.BulkPollMilliseconds);
        while (true)
        {
            var job = await client.SendAsync(SalesforceRequest.Get(client.DataPath($"jobs/query/{jobId}")),
                $"Salesforce {sobject.Name} bulk query job {jobId}", ReadJobAsync, cancellationToken);
            switch (job.State)
            {
                case "JobComplete":
                    return;
                case "Failed" or "Aborted":
                    throw new SalesforceApiException(
                        $"Salesforce {sobject.Name} bulk query job {jobId} ended {job.State}: {client.Scrub(job.ErrorMessage ?? "no error message")}.",
                        null, job.ErrorMessage?.Contains("No such column", StringComparison.Ordinal) == true ? "INVALID_FIELD" : "BULK_JOB_" + job.State.ToUpperInvariant());
            }

            if (clock.GetUtcNow() + wait > deadline)
            {
                throw new SalesforceApiException(string.Create(CultureInfo.InvariantCulture,
                    $"Salesforce {sobject.Name} bulk query job {jobId} is still {job.State} after {options.BulkTimeoutMinutes} minutes (Salesforce:BulkTimeoutMinutes)."),
                    null, "BULK_JOB_TIMEOUT");
            }

            await Task.Delay(wait, clock, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(LongestPoll.Ticks, (long)(wait.Ticks * 1.5)));
        }
    }

    private Task<(CsvPageScanner Scan, ModstampMaximum Latest, string? Locator)> FetchAsync(string url, string jobId, int page, IReadOnlyList<string>? header, CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{sobject.Entity}-bulk-{page:000000}.csv");
        var subject = string.Create(CultureInfo.InvariantCulture, $"Salesforce {sobject.Name} bulk job {jobId} result page {page}");
        return client.SendAsync(SalesforceRequest.Get(url, "text/csv"), subject, async (response, token) =>
        {
            var latest = new ModstampMaximum();
            var scanner = new CsvPageScanner(latest, header);
            await PageLanding.LandAsync(batch, name, response, scanner, () =>
            {
                scanner.Complete();
                return scanner.Records;
            }, (reason, _) => Malformed(subject, name, reason), token);

            if (Header(response, "Sforce-NumberOfRecords") is { } announced
                && long.TryParse(announced, NumberStyles.None, CultureInfo.InvariantCulture, out var expected) && expected != scanner.Records)
            {
                throw Malformed(subject, name, string.Create(CultureInfo.InvariantCulture,
                    $"it holds {scanner.Records} records where Sforce-NumberOfRecords says {expected}."));
            }

            if (scanner.Header is null && header is null && scanner.Records > 0)
            {
                throw Malformed(subject, name, "it has no header row (no column named Id).");
            }

            return (scanner, latest, Header(response, "Sforce-Locator"));
        }, cancellationToken);
    }

    private InvalidDataException Malformed(string subject, string name, string reason) =>
        new($"{subject} is not a whole result page: {reason} The page is kept as {Path.Combine(batch.Folder, name)} for inspection; nothing of this run is committed.");

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;

    private static async Task<BulkJob> ReadJobAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        var root = document.RootElement;
        string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new BulkJob(Text("id"), Text("state") ?? "", Text("errorMessage"));
    }

    private sealed record BulkJob(string? Id, string State, string? ErrorMessage);
}
