using System.Globalization;
using System.Text.Json;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Brings one object up to date from where the warehouse's last committed run left it:
/// <list type="bullet">
/// <item>a full read (<c>/query</c>, live records) the first time, with <c>--full-refresh</c>, when the last read is
/// more than <see cref="SalesforceOptions.FullReadAfterDays"/> old (deleted records stay visible for 15 days only),
/// when that run's data came from elsewhere (the sample), or when a file it relied on is gone;</item>
/// <item>otherwise the records whose SystemModstamp is at or after the watermark less the overlap, deleted ones
/// included (<c>/queryAll</c>, IsDeleted), ordered by SystemModstamp and Id: a record that shares the boundary
/// timestamp is read again rather than lost, and staging keeps its newest copy. The manifest then also lists the
/// earlier pages that still hold the records not read again (<see cref="SalesforceComposition"/>).</item>
/// </list>
/// The new watermark is the latest SystemModstamp read (or the old one when nothing changed); it is recorded with the
/// run and used only once the run has committed. From <see cref="SalesforceOptions.BulkThreshold"/> records on, the read
/// goes through a Bulk API 2.0 job. A configured field the org does not have fails the read with Salesforce's message,
/// unless it is optional: then it is left out.
/// </summary>
internal sealed class ObjectSync(SalesforceClient client, SalesforceOptions options, LandingArea landing, string runId, TimeProvider clock, Action<string> report)
{
    public const string Source = "salesforce";

    public async Task<LandingManifest> SyncAsync(SalesforceObject sobject, RunRequest request, CancellationToken cancellationToken)
    {
        var committed = request.Committed.FirstOrDefault(c => c.Source == Source && c.Entity == sobject.Entity);
        var previous = committed is null ? null : landing.ReadManifest(Source, sobject.Entity, committed.LandingRunId);
        var fullReason = FullReadReason(request, committed, previous);
        var since = fullReason is null ? committed!.WatermarkTo!.Value - TimeSpan.FromMinutes(options.OverlapMinutes) : (DateTimeOffset?)null;
        report(fullReason is null
            ? $"Salesforce {sobject.Name}: records modified since {Soql.Literal(since!.Value)} (watermark {Soql.Literal(committed!.WatermarkTo!.Value)} less {options.OverlapMinutes} min), deleted ones included"
            : $"Salesforce {sobject.Name}: read in full ({fullReason})");

        var batch = landing.Begin(Source, sobject.Entity, runId, "live", new WatermarkRange(since, null), clock);
        var read = await ReadAsync(sobject, batch, since, cancellationToken);
        if (since is not null)
        {
            Compose(batch, previous!, sobject);
        }

        var watermark = Later(since is null ? null : committed!.WatermarkTo, read.LatestModstamp);
        var manifest = batch.Complete(new WatermarkRange(since, watermark));
        report(string.Create(CultureInfo.InvariantCulture,
            $"Salesforce {sobject.Name}: {read.Records:N0} record(s) read in {read.Pages} page(s); {manifest.RecordCount:N0} in the data set; watermark {(watermark is { } w ? Soql.Literal(w) : "none")}"));
        return manifest;
    }

    private string? FullReadReason(RunRequest request, CommittedLanding? committed, LandingManifest? previous)
    {
        if (request.FullRefresh)
        {
            return "--full-refresh";
        }

        if (committed is null || previous is null)
        {
            return "no earlier committed read";
        }

        if (previous.Origin != "live")
        {
            return $"the warehouse holds {previous.Origin} data, not a read of this org";
        }

        if (committed.WatermarkTo is null)
        {
            return "the last read found no records";
        }

        if (clock.GetUtcNow() - previous.ExtractedAt > TimeSpan.FromDays(options.FullReadAfterDays))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the last read was more than {options.FullReadAfterDays} days ago, and Salesforce keeps deleted records for 15 days");
        }

        return previous.Files.Any(f => !File.Exists(landing.FilePath(previous, f)))
            ? "a landing folder the last read relies on is gone"
            : null;
    }

    /// <summary>Reads with the configured fields; an optional field the org lacks is dropped and the read started again.</summary>
    private async Task<ObjectRead> ReadAsync(SalesforceObject sobject, LandingBatch batch, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var settings = sobject == SalesforceObject.Opportunity ? options.Opportunity : options.OpportunityHistory;
        var fields = sobject.Fields(settings).ToList();
        var optional = sobject.Optional(settings);
        var queryAll = since is not null;
        while (true)
        {
            try
            {
                if (options.BulkThreshold > 0 && await CountAsync(sobject, since, queryAll, cancellationToken) >= options.BulkThreshold)
                {
                    return await new BulkQueryReader(client, batch, sobject, options, clock, report)
                        .ReadAsync(sobject.Query(fields, options.Opportunity.Filters, since, ordered: false), queryAll, cancellationToken);
                }

                return await new QueryReader(client, batch, sobject, options.QueryBatchSize)
                    .ReadAsync(sobject.Query(fields, options.Opportunity.Filters, since, ordered: true), queryAll, cancellationToken);
            }
            catch (SalesforceApiException e) when (FieldErrors.MissingField(e) is { } missing && batch.Files.Count == 0)
            {
                var field = FieldErrors.Configured(fields, missing);
                var key = sobject == SalesforceObject.Opportunity ? "Opportunity" : "OpportunityHistory";
                if (field is null || !optional.Contains(field, StringComparer.OrdinalIgnoreCase))
                {
                    throw new SalesforceApiException(
                        $"Salesforce has no field '{field ?? missing}' on {sobject.Name} in this org (configured under Salesforce:{key}); " +
                        $"correct the name, or list it under Salesforce:{key}:OptionalFields to read it only where it exists. {e.Message}",
                        e.HttpStatus, e.ErrorCode, e);
                }

                fields.Remove(field);
                report($"Salesforce {sobject.Name}: this org has no field {field} (optional): read without it");
            }
        }
    }

    private async Task<long> CountAsync(SalesforceObject sobject, DateTimeOffset? since, bool queryAll, CancellationToken cancellationToken)
    {
        var url = client.DataPath(queryAll ? "queryAll" : "query") + "?q=" + Uri.EscapeDataString(sobject.CountQuery(options.Opportunity.Filters, since));
        return await client.SendAsync(SalesforceRequest.Get(url), $"Salesforce {sobject.Name} count", async (response, token) =>
        {
            await using var body = await response.Content.ReadAsStreamAsync(token);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: token);
            return document.RootElement.TryGetProperty("totalSize", out var total) && total.TryGetInt64(out var count)
                ? count
                : throw new InvalidDataException($"Salesforce answered the count of {sobject.Name} without a totalSize.");
        }, cancellationToken);
    }

    /// <summary>Lists the earlier pages that still provide records, oldest first, with how many each provides.</summary>
    private void Compose(LandingBatch batch, LandingManifest previous, SalesforceObject sobject)
    {
        var earlier = LandingOrder.OldestFirst(landing, Source, sobject.Entity,
            previous.Files.Select(f => (RunId: f.LandingRunId ?? previous.RunId, File: f)), f => f.RunId, f => f.File.Name);
        var current = batch.Files.Select(f => Path.Combine(batch.Folder, f.Name)).ToList();
        var raw = sobject == SalesforceObject.Opportunity ? RawSource.SalesforceOpportunities : RawSource.SalesforceOpportunityHistory;
        var counts = SalesforceComposition.Count(raw, earlier.Select(e => landing.FilePath(previous, e.File)).ToList(), current);
        foreach (var (earlierRun, file) in earlier)
        {
            if (counts.TryGetValue(landing.FilePath(previous, file), out var records) && records > 0)
            {
                batch.Include(earlierRun, file, records);
            }
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
