using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;
using Dapper;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary>
/// Salesforce and the Smartsheet tracker in one run: engagements joined to their opportunities by deal_id, and the
/// disagreements between the two (missing intake, orphans, amounts) in the warehouse and in the Parquet export.
/// </summary>
public sealed class SalesforceWithTrackerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Both_sources_land_in_one_run_and_the_reconciliation_exceptions_reach_the_warehouse_and_the_export()
    {
        await using var tracker = new FakeSmartsheet();
        tracker.Add(TestTracker.Sheet(1, "EMEA", [1, 2, 9]));
        await using var crm = new FakeSalesforce();
        crm.Opportunities.AddRange(
        [
            FakeRecords.Opportunity(1, T0, stage: "Closed Won", amount: 1000.0m, closeDate: "2025-06-10"),
            FakeRecords.Opportunity(2, T0, stage: "Closed Won", amount: 1500.0m, closeDate: "2025-06-12"),
            FakeRecords.Opportunity(3, T0, stage: "Closed Won", amount: 2000.0m, closeDate: "2025-06-20"),
            FakeRecords.Opportunity(4, T0, stage: "Proposal"),
            FakeRecords.Opportunity(5, T0, stage: "Closed Won", closeDate: "2025-07-15"),
        ]);
        var extractor = new CompositeSourceExtractor(
            new SalesforceSourceExtractor(SalesforceTestOptions.For(crm), _harness.Clock),
            _harness.Extractor(_harness.Options(tracker, 1)));

        var summary = await _harness.RunAsync(extractor);

        Assert.Equal(["salesforce/opportunities", "salesforce/opportunity_history", "smartsheet/tracker"],
            summary.Sources.Select(s => s.Source + "/" + s.Entity).Order(StringComparer.Ordinal));
        Assert.Equal("live", _harness.Query<string>("SELECT origin FROM etl_run").Single());
        Assert.Equal([(TestTracker.DealId(1), true), (TestTracker.DealId(2), true), (TestTracker.DealId(9), false)],
            _harness.Query<(string, bool)>("SELECT deal_id, has_opportunity FROM dim_engagement ORDER BY deal_id"));

        // As of 2025-07-01: opportunity 2 says 1500 where the tracker says 1000; opportunity 3 won on 06-20 (11 days
        // ago) has no tracker row; tracker row 9 has no opportunity. Opportunity 5 closes after the as-of date, 4 is open.
        string[] expected =
        [
            $"amount_mismatch|{TestTracker.DealId(2)}|1500.00|USD|1000.00|USD|500.00|",
            $"missing_intake|{TestTracker.DealId(3)}|2000.00|USD||||11",
            $"orphan|{TestTracker.DealId(9)}|||1000.00|USD||",
        ];
        const string Exceptions = """
            SELECT concat_ws('|', exception_type, deal_id, coalesce(crm_amount::VARCHAR, ''), coalesce(crm_currency, ''),
                coalesce(tracker_amount::VARCHAR, ''), coalesce(tracker_currency, ''), coalesce(amount_difference::VARCHAR, ''),
                coalesce(days_since_close::VARCHAR, ''))
            FROM {0} ORDER BY exception_type, deal_id
            """;
        Assert.Equal(expected, _harness.Query<string>(string.Format(System.Globalization.CultureInfo.InvariantCulture, Exceptions, "mart_reconciliation_exception")));

        // The export holds the same rows, and the pipeline marts beside them.
        Assert.Contains("mart_reconciliation_exception", summary.ExportedTables);
        Assert.Contains("mart_opportunity_stage_duration", summary.ExportedTables);
        Assert.Contains("mart_opportunity_stage_conversion", summary.ExportedTables);
        using var parquet = new DuckDbConnection("Data Source=:memory:");
        parquet.Open();
        var file = Path.Combine(summary.ExportDirectory, "mart_reconciliation_exception.parquet").Replace("'", "''", StringComparison.Ordinal);
        Assert.Equal(expected, parquet.Query<string>(string.Format(System.Globalization.CultureInfo.InvariantCulture, Exceptions, $"read_parquet('{file}')")).ToList());
    }
}
