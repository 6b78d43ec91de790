using System.Text.Json.Nodes;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary>
/// A first read of an org: every page of every query landed byte for byte, nested parents and null lookups staged,
/// the watermark set to the latest SystemModstamp read.
/// </summary>
public sealed class SalesforceReadTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Every_page_lands_as_sent_following_nextRecordsUrl_and_parents_and_null_lookups_reach_fct_opportunity()
    {
        await using var server = new FakeSalesforce { PageSize = 2 };
        for (var n = 1; n <= 5; n++)
        {
            server.Opportunities.Add(FakeRecords.Opportunity(n, T0.AddMinutes(n), account: n == 3 ? null : "Account",
                stage: n == 5 ? "Closed Won" : "Proposal", amount: n * 1000.0m));
        }

        server.History.Add(FakeRecords.History(1, 5, "Proposal", T0.AddMinutes(-30)));
        server.History.Add(FakeRecords.History(2, 5, "Closed Won", T0.AddMinutes(5)));

        var summary = await _harness.RunAsync(new SalesforceSourceExtractor(SalesforceTestOptions.For(server), _harness.Clock));

        // Five records in pages of two: three pages, the second and third fetched by nextRecordsUrl.
        var manifest = _harness.Landing.ReadManifest("salesforce", "opportunities", summary.Run.RunId)!;
        Assert.Equal([("opportunities-page-000001.json", 2L), ("opportunities-page-000002.json", 2L), ("opportunities-page-000003.json", 1L)],
            manifest.Files.Select(f => (f.Name, f.Records)));
        var pageRequests = server.Log.Where(l => l.Request.Contains(" FROM Opportunity ORDER BY", StringComparison.Ordinal)
            || l.Request.StartsWith("/services/data/v66.0/query/01gFAKE00000001AAA-", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, pageRequests.Count);
        Assert.StartsWith("/services/data/v66.0/query?q=SELECT Id, Name, AccountId, Account.Name, StageName, Amount, CloseDate, Probability, ForecastCategoryName, IsClosed, IsWon, OwnerId, Owner.Name, Owner.Email, CreatedDate, LastModifiedDate, SystemModstamp, CurrencyIsoCode, IsDeleted FROM Opportunity ORDER BY SystemModstamp, Id",
            pageRequests[0].Request, StringComparison.Ordinal);
        Assert.Equal(["/services/data/v66.0/query/01gFAKE00000001AAA-2", "/services/data/v66.0/query/01gFAKE00000001AAA-4"], pageRequests.Skip(1).Select(r => r.Request));
        // Byte for byte: the SHA-256 of each landed file is the SHA-256 of the body the server sent.
        Assert.Equal(pageRequests.Select(r => r.Sha256), manifest.Files.Select(f => f.Sha256));

        Assert.Equal(
            [
                "006000000000001AAA|Opportunity 1|001FAKE00000001AAA|Account 1|Proposal|1000.00|50.00|False|ana.sales@example.com",
                "006000000000002AAA|Opportunity 2|001FAKE00000002AAA|Account 2|Proposal|2000.00|50.00|False|ana.sales@example.com",
                "006000000000003AAA|Opportunity 3|||Proposal|3000.00|50.00|False|ana.sales@example.com",
                "006000000000004AAA|Opportunity 4|001FAKE00000004AAA|Account 4|Proposal|4000.00|50.00|False|ana.sales@example.com",
                "006000000000005AAA|Opportunity 5|001FAKE00000005AAA|Account 5|Closed Won|5000.00|100.00|True|ana.sales@example.com",
            ],
            _harness.Query<string>("""
                SELECT concat_ws('|', opportunity_id, opportunity_name, coalesce(account_id, ''), coalesce(account_name, ''), stage_name,
                    amount, probability, CASE WHEN is_won THEN 'True' ELSE 'False' END, owner_email)
                FROM fct_opportunity ORDER BY opportunity_id
                """));
        Assert.Equal(["Proposal → Closed Won"], _harness.Query<string>(
            "SELECT previous_stage_name || ' → ' || stage_name FROM fct_opportunity_stage_history WHERE previous_stage_name IS NOT NULL"));

        // The watermark: the latest SystemModstamp read (opportunity 5 at T0 + 5 min; its history record too).
        Assert.Equal("2025-06-02 08:05:00", _harness.Watermark("opportunities"));
        Assert.Equal("2025-06-02 08:05:00", _harness.Watermark("opportunity_history"));
        var counts = summary.Sources.Single(s => s.Entity == "opportunities");
        Assert.Equal((5L, 5L, 0L), (counts.Extracted, counts.Loaded, counts.Rejected));
        Assert.Equal("live", _harness.Query<string>("SELECT origin FROM etl_run").Single());
    }

    [Fact]
    public async Task An_empty_org_lands_one_empty_page_and_leaves_no_watermark()
    {
        await using var server = new FakeSalesforce();

        var summary = await _harness.RunAsync(new SalesforceSourceExtractor(SalesforceTestOptions.For(server), _harness.Clock));

        var manifest = _harness.Landing.ReadManifest("salesforce", "opportunities", summary.Run.RunId)!;
        Assert.Equal([("opportunities-page-000001.json", 0L)], manifest.Files.Select(f => (f.Name, f.Records)));
        Assert.Empty(_harness.Query<string>("SELECT opportunity_id FROM fct_opportunity"));
        Assert.Null(_harness.Watermark("opportunities"));
        Assert.Null(_harness.Watermark("opportunity_history"));
        Assert.Equal(2L, _harness.Query<long>("SELECT count(*) FROM etl_watermark WHERE source = 'salesforce'").Single());
    }

    [Fact]
    public async Task Configured_filters_reach_the_SOQL_as_escaped_literals_and_the_history_follows_its_opportunities()
    {
        await using var server = new FakeSalesforce();
        var services = FakeRecords.Opportunity(1, T0);
        services["RecordType"] = new JsonObject { ["DeveloperName"] = "O'Brien \"Services\"" };
        var other = FakeRecords.Opportunity(2, T0);
        other["RecordType"] = new JsonObject { ["DeveloperName"] = "Renewals" };
        server.Opportunities.AddRange([services, other]);
        server.History.AddRange([FakeRecords.History(1, 1, "Proposal", T0), FakeRecords.History(2, 2, "Proposal", T0)]);
        var options = SalesforceTestOptions.For(server);
        options.Opportunity.Filters.Add(new SalesforceFilter { Field = "RecordType.DeveloperName", Values = ["O'Brien \"Services\""] });

        await _harness.RunAsync(new SalesforceSourceExtractor(options, _harness.Clock));

        Assert.Contains(server.Queries, q => q.EndsWith("FROM Opportunity WHERE RecordType.DeveloperName IN ('O\\'Brien \\\"Services\\\"') ORDER BY SystemModstamp, Id", StringComparison.Ordinal));
        Assert.Contains(server.Queries, q => q.EndsWith("FROM OpportunityHistory WHERE Opportunity.RecordType.DeveloperName IN ('O\\'Brien \\\"Services\\\"') ORDER BY SystemModstamp, Id", StringComparison.Ordinal));
        Assert.Equal([TestTracker.DealId(1)], _harness.Query<string>("SELECT opportunity_id FROM fct_opportunity"));
        Assert.Equal([TestTracker.DealId(1)], _harness.Query<string>("SELECT opportunity_id FROM fct_opportunity_stage_history"));
    }
}
