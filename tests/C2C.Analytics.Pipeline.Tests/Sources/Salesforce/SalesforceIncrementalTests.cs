using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary>
/// Runs after the first: records modified since the watermark (less the overlap, with &gt;=) are read with the deleted
/// ones; a record that shares the boundary timestamp is never lost; earlier pages still supply the records not read
/// again; the watermark moves only with a committed run; --full-refresh and a long pause read everything again.
/// </summary>
public sealed class SalesforceIncrementalTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private SalesforceSourceExtractor Extractor(FakeSalesforce server) => new(SalesforceTestOptions.For(server), _harness.Clock);

    [Fact]
    public async Task A_record_committed_with_the_watermarks_own_timestamp_after_a_run_is_read_by_the_next_one()
    {
        await using var server = new FakeSalesforce();
        var boundary = T0.AddHours(4); // 12:00:00.000
        server.Opportunities.AddRange([FakeRecords.Opportunity(1, T0.AddHours(2)), FakeRecords.Opportunity(2, boundary)]);
        var first = await _harness.RunAsync(Extractor(server));
        Assert.Equal("2025-06-02 12:00:00", _harness.Watermark("opportunities"));

        // Opportunity 3 commits late, stamped with exactly the watermark's time; opportunity 4 changes later.
        server.Opportunities.AddRange([FakeRecords.Opportunity(3, boundary), FakeRecords.Opportunity(4, T0.AddHours(5))]);
        _harness.Clock.Offset = TimeSpan.FromHours(1);
        var second = await _harness.RunAsync(Extractor(server));

        // From the watermark less the 10-minute overlap, inclusive, deleted records included, in a stable order.
        var query = server.Queries.Where(q => q.Contains(" FROM Opportunity ", StringComparison.Ordinal)).Last();
        Assert.EndsWith("FROM Opportunity WHERE SystemModstamp >= 2025-06-02T11:50:00Z ORDER BY SystemModstamp, Id", query, StringComparison.Ordinal);
        Assert.Contains(server.Requests, r => r.StartsWith("/services/data/v66.0/queryAll?q=", StringComparison.Ordinal) && r.Contains(" FROM Opportunity ", StringComparison.Ordinal));

        // Read now: 2 (again), 3 and 4. The first run's page still supplies opportunity 1 (its copy of 2 is superseded).
        var manifest = _harness.Landing.ReadManifest("salesforce", "opportunities", second.Run.RunId)!;
        Assert.Equal([(null, "opportunities-page-000001.json", 3L), (first.Run.RunId, "opportunities-page-000001.json", 1L)],
            manifest.Files.Select(f => (f.LandingRunId, f.Name, f.Records)));
        var counts = second.Sources.Single(s => s.Entity == "opportunities");
        Assert.Equal((4L, 4L, 0L), (counts.Extracted, counts.Loaded, counts.Rejected));
        Assert.Equal([TestTracker.DealId(1), TestTracker.DealId(2), TestTracker.DealId(3), TestTracker.DealId(4)],
            _harness.Query<string>("SELECT opportunity_id FROM fct_opportunity ORDER BY opportunity_id"));
        Assert.Empty(_harness.Query<string>("SELECT reason FROM etl_reject"));
        Assert.Equal("2025-06-02 13:00:00", _harness.Watermark("opportunities"));
        Assert.Equal("2025-06-02T11:50:00.0000000+00:00", manifest.Watermark.From?.ToString("O"));

        // Rebuilding from that landing run reads the earlier run's page it lists, and asks Salesforce nothing.
        var requests = server.Log.Count;
        await _harness.RunAsync(Extractor(server), landingRunId: second.Run.RunId);
        Assert.Equal(requests, server.Log.Count);
        Assert.Equal(4L, _harness.Query<long>("SELECT count(*) FROM fct_opportunity").Single());
    }

    [Fact]
    public async Task A_record_deleted_between_runs_is_read_through_queryAll_and_kept_flagged_out_of_the_pipeline()
    {
        await using var server = new FakeSalesforce();
        var kept = FakeRecords.Opportunity(1, T0, stage: "Proposal", amount: 1000.0m);
        var deleted = FakeRecords.Opportunity(2, T0.AddMinutes(1), stage: "Proposal", amount: 3000.0m);
        var history = FakeRecords.History(1, 2, "Proposal", T0.AddMinutes(1));
        server.Opportunities.AddRange([kept, deleted]);
        server.History.Add(history);
        await _harness.RunAsync(Extractor(server));
        // Weighted pipeline, June 2025: 1000 × 50% + 3000 × 50% = 2000.
        Assert.Equal(2000m, _harness.Query<decimal>("SELECT weighted_pipeline_reporting FROM mart_weighted_pipeline").Single());

        // Deleted in Salesforce (to the recycle bin): IsDeleted, a new SystemModstamp; its history goes with it.
        FakeRecords.Delete(deleted, T0.AddHours(1));
        FakeRecords.Delete(history, T0.AddHours(1));
        _harness.Clock.Offset = TimeSpan.FromHours(2);
        var second = await _harness.RunAsync(Extractor(server));

        Assert.Equal(
            [TestTracker.DealId(1) + "|Proposal|1000.00|false", TestTracker.DealId(2) + "|Proposal|3000.00|true"],
            _harness.Opportunities());
        Assert.Equal(500m, _harness.Query<decimal>("SELECT weighted_pipeline_reporting FROM mart_weighted_pipeline").Single());
        Assert.Equal([true], _harness.Query<bool>("SELECT is_deleted FROM fct_opportunity_stage_history"));
        Assert.Equal("2025-06-02 09:00:00", _harness.Watermark("opportunities"));
        Assert.Equal("2025-06-02 09:00:00", _harness.Watermark("opportunity_history"));
        var manifest = _harness.Landing.ReadManifest("salesforce", "opportunities", second.Run.RunId)!;
        // Read now, from the watermark 08:01 less 10 minutes: opportunity 1 (08:00, again) and opportunity 2 (deleted at
        // 09:00); the first run's page supplies nothing any more and is not listed.
        Assert.Equal([(null, 2L)], manifest.Files.Select(f => (f.LandingRunId, f.Records)));
        Assert.EndsWith("WHERE SystemModstamp >= 2025-06-02T07:51:00Z ORDER BY SystemModstamp, Id",
            server.Queries.Last(q => q.Contains(" FROM Opportunity ", StringComparison.Ordinal)), StringComparison.Ordinal);

        // A full refresh reads live records only: the deleted one is no longer in the data set at all.
        _harness.Clock.Offset = TimeSpan.FromHours(3);
        var full = await _harness.RunAsync(Extractor(server), fullRefresh: true);
        Assert.Equal([TestTracker.DealId(1) + "|Proposal|1000.00|false"], _harness.Opportunities());
        Assert.All(_harness.Landing.ReadManifest("salesforce", "opportunities", full.Run.RunId)!.Files, f => Assert.Null(f.LandingRunId));
        Assert.EndsWith(" FROM Opportunity ORDER BY SystemModstamp, Id", server.Queries.Where(q => q.Contains(" FROM Opportunity ", StringComparison.Ordinal)).Last(),
            StringComparison.Ordinal);
        Assert.StartsWith("/services/data/v66.0/query?q=", server.Requests.Last(r => r.Contains(" FROM Opportunity ", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(_harness.Progress, p => p.Contains("read in full (--full-refresh)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_run_leaves_the_watermark_and_the_next_run_continues_from_the_last_committed_one()
    {
        await using var server = new FakeSalesforce();
        server.Opportunities.Add(FakeRecords.Opportunity(1, T0));
        await _harness.RunAsync(Extractor(server));

        server.Opportunities.Add(FakeRecords.Opportunity(2, T0.AddHours(1)));
        server.FailWith("/queryAll", 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        _harness.Clock.Offset = TimeSpan.FromHours(2);
        await Assert.ThrowsAsync<PipelineRunException>(() => _harness.RunAsync(Extractor(server)));
        Assert.Equal("2025-06-02 08:00:00", _harness.Watermark("opportunities"));
        Assert.Equal([TestTracker.DealId(1)], _harness.Query<string>("SELECT opportunity_id FROM fct_opportunity"));

        _harness.Clock.Offset = TimeSpan.FromHours(3);
        await _harness.RunAsync(Extractor(server));
        Assert.EndsWith("WHERE SystemModstamp >= 2025-06-02T07:50:00Z ORDER BY SystemModstamp, Id",
            server.Queries.Where(q => q.Contains(" FROM Opportunity ", StringComparison.Ordinal)).Last(), StringComparison.Ordinal);
        Assert.Equal([TestTracker.DealId(1), TestTracker.DealId(2)], _harness.Query<string>("SELECT opportunity_id FROM fct_opportunity ORDER BY 1"));
        Assert.Equal("2025-06-02 09:00:00", _harness.Watermark("opportunities"));
    }

    [Fact]
    public async Task A_read_more_than_FullReadAfterDays_after_the_last_one_is_a_full_read()
    {
        await using var server = new FakeSalesforce();
        server.Opportunities.Add(FakeRecords.Opportunity(1, T0));
        await _harness.RunAsync(Extractor(server));

        _harness.Clock.Offset = TimeSpan.FromDays(15);
        var second = await _harness.RunAsync(Extractor(server));

        Assert.Contains(_harness.Progress, p => p.Contains("read in full (the last read was more than 14 days ago", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r.StartsWith("/services/data/v66.0/queryAll", StringComparison.Ordinal));
        Assert.All(_harness.Landing.ReadManifest("salesforce", "opportunities", second.Run.RunId)!.Files, f => Assert.Null(f.LandingRunId));
        Assert.Single(_harness.Query<string>("SELECT opportunity_id FROM fct_opportunity"));
    }

    [Fact]
    public async Task Nothing_modified_since_the_last_run_keeps_the_watermark_and_every_record()
    {
        await using var server = new FakeSalesforce();
        server.Opportunities.AddRange([FakeRecords.Opportunity(1, T0), FakeRecords.Opportunity(2, T0.AddHours(-1))]);
        var first = await _harness.RunAsync(Extractor(server));

        _harness.Clock.Offset = TimeSpan.FromHours(1);
        var second = await _harness.RunAsync(Extractor(server));

        // The overlap reads opportunity 1 again (08:00 ≥ 07:50); opportunity 2 (07:00) comes from the first run's page.
        var manifest = _harness.Landing.ReadManifest("salesforce", "opportunities", second.Run.RunId)!;
        Assert.Equal([(null, 1L), (first.Run.RunId, 1L)], manifest.Files.Select(f => (f.LandingRunId, f.Records)));
        Assert.Equal(2L, _harness.Query<long>("SELECT count(*) FROM fct_opportunity").Single());
        Assert.Equal("2025-06-02 08:00:00", _harness.Watermark("opportunities"));
    }
}
