using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary>
/// Objects at or above BulkThreshold records go through a Bulk API 2.0 query job: the CSV result pages land as sent
/// (Sforce-Locator followed to "null") and build the same warehouse a REST read of the same org builds.
/// </summary>
public sealed class SalesforceBulkTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly PipelineHarness _rest = new();
    private readonly PipelineHarness _bulk = new();

    public void Dispose()
    {
        _rest.Dispose();
        _bulk.Dispose();
    }

    private static FakeSalesforce Org()
    {
        var server = new FakeSalesforce();
        server.Opportunities.AddRange(
        [
            FakeRecords.Opportunity(1, T0, stage: "Closed Won", amount: 1250.5m),
            FakeRecords.Opportunity(2, T0.AddMinutes(2), account: null, amount: null),
            FakeRecords.Opportunity(3, T0.AddMinutes(1), stage: "Negotiation", currency: "EUR"),
        ]);
        server.Opportunities[1]["Name"] = "Quote \"inside\", and a comma";
        server.History.AddRange([FakeRecords.History(1, 1, "Proposal", T0.AddDays(-3)), FakeRecords.History(2, 1, "Closed Won", T0)]);
        return server;
    }

    private static SalesforceSourceExtractor Bulk(FakeSalesforce server, PipelineHarness harness)
    {
        var options = SalesforceTestOptions.For(server);
        options.BulkThreshold = 2;
        options.BulkPageSize = 2;
        return new SalesforceSourceExtractor(options, harness.Clock);
    }

    private const string Facts = """
        SELECT concat_ws('|', opportunity_id, opportunity_name, coalesce(account_id, '-'), coalesce(account_name, '-'), stage_name,
            coalesce(amount::VARCHAR, '-'), currency, close_date, probability, is_closed, is_won, forecast_category, owner_name, owner_email,
            created_at, last_modified_at, system_modstamp, is_deleted)
        FROM fct_opportunity ORDER BY opportunity_id
        """;

    [Fact]
    public async Task A_bulk_read_lands_the_CSV_pages_and_builds_the_same_opportunities_as_a_REST_read()
    {
        await using var restOrg = Org();
        await _rest.RunAsync(new SalesforceSourceExtractor(SalesforceTestOptions.For(restOrg), _rest.Clock));
        await using var server = Org();

        var summary = await _bulk.RunAsync(Bulk(server, _bulk));

        // Count first, then a job: created, polled until complete, two result pages of at most 2 records.
        Assert.Contains(server.Queries, q => q.StartsWith("SELECT COUNT() FROM Opportunity", StringComparison.Ordinal));
        var job = Assert.Single(server.Queries, q => q.StartsWith("SELECT Id, Name", StringComparison.Ordinal) && q.Contains(" FROM Opportunity", StringComparison.Ordinal));
        Assert.DoesNotContain("ORDER BY", job, StringComparison.Ordinal);
        var results = server.Log.Where(l => l.Request.Contains("/jobs/query/750FAKE00000001AAA/results", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, results.Count);
        Assert.EndsWith("?maxRecords=2", results[0].Request, StringComparison.Ordinal);
        Assert.Contains("&locator=", results[1].Request, StringComparison.Ordinal);
        var manifest = _bulk.Landing.ReadManifest("salesforce", "opportunities", summary.Run.RunId)!;
        Assert.Equal([("opportunities-bulk-000001.csv", 2L), ("opportunities-bulk-000002.csv", 1L)], manifest.Files.Select(f => (f.Name, f.Records)));
        Assert.Equal(results.Select(r => r.Sha256), manifest.Files.Select(f => f.Sha256));

        // The same facts, field for field, as the REST read of the same org (nested parents, null lookups, quotes).
        var expected = _rest.Query<string>(Facts);
        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, _bulk.Query<string>(Facts));
        Assert.Equal(_rest.Query<string>("SELECT stage_name || '|' || changed_at FROM fct_opportunity_stage_history ORDER BY 1"),
            _bulk.Query<string>("SELECT stage_name || '|' || changed_at FROM fct_opportunity_stage_history ORDER BY 1"));
        Assert.Equal("2025-06-02 08:02:00", _bulk.Watermark("opportunities"));
        var counts = summary.Sources.Single(s => s.Entity == "opportunities");
        Assert.Equal((3L, 3L, 0L), (counts.Extracted, counts.Loaded, counts.Rejected));
    }

    [Fact]
    public async Task Pages_without_a_header_row_after_the_first_read_with_the_first_pages_columns_also_across_runs()
    {
        await using var server = Org();
        server.HeaderOnFirstPageOnly = true;
        var first = await _bulk.RunAsync(Bulk(server, _bulk));
        Assert.Equal(3L, _bulk.Query<long>("SELECT count(*) FROM fct_opportunity").Single());

        // Opportunity 1 changes. The next run (no overlap, threshold 3) reads opportunities 2 (08:02, the watermark)
        // and 1 by REST; the first run's bulk page 1 (opportunities 1, 2) supplies nothing any more, and its page 2,
        // which has no header row, still supplies opportunity 3, read with page 1's columns.
        FakeRecords.Modify(server.Opportunities[0], T0.AddHours(1), "StageName", "Closed Lost");
        _bulk.Clock.Offset = TimeSpan.FromHours(2);
        var options = SalesforceTestOptions.For(server);
        options.BulkThreshold = 3;
        options.OverlapMinutes = 0;
        var second = await _bulk.RunAsync(new SalesforceSourceExtractor(options, _bulk.Clock));

        var manifest = _bulk.Landing.ReadManifest("salesforce", "opportunities", second.Run.RunId)!;
        Assert.Equal([(null, "opportunities-page-000001.json", 2L), (first.Run.RunId, "opportunities-bulk-000002.csv", 1L)],
            manifest.Files.Select(f => (f.LandingRunId, f.Name, f.Records)));
        Assert.Equal(
            [TestTracker.DealId(1) + "|Closed Lost|1250.50|false", TestTracker.DealId(2) + "|Prospecting||false", TestTracker.DealId(3) + "|Negotiation|1000.00|false"],
            _bulk.Opportunities());
    }

    [Fact]
    public async Task A_failed_bulk_job_fails_the_run_with_Salesforces_error_message()
    {
        await using var server = Org();
        server.FailJobs = "InvalidBatch : Failed to process query: QUERY_TIMEOUT";

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => _bulk.RunAsync(Bulk(server, _bulk)));

        Assert.Contains("Salesforce Opportunity bulk query job 750FAKE00000001AAA ended Failed: InvalidBatch : Failed to process query: QUERY_TIMEOUT.",
            failure.Message, StringComparison.Ordinal);
        Assert.Empty(_bulk.Query<string>("SELECT entity FROM etl_watermark"));
    }
}
