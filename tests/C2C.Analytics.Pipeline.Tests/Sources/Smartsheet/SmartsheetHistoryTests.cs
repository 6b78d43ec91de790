using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet;

/// <summary>
/// dim_engagement's history through whole runs from a (fake) Smartsheet, on consecutive as-of dates: an incremental read
/// lands only the modified row but the run still sees the whole sheet, so only that deal gets a version; a deleted row
/// (seen by the full read that follows) closes its deal's version; a row rejected on the next run keeps its version and
/// the run's counts still reconcile. Deals 1–3 on rows 10001–10003, 1000.00 USD each, two stages (intake, invoice sent).
/// </summary>
public sealed class SmartsheetHistoryTests : IDisposable
{
    private static readonly DateOnly Tuesday = new(2025, 7, 1);
    private static readonly DateOnly Wednesday = new(2025, 7, 2);

    private const string Versions = """
        SELECT concat_ws(' | ', engagement_version_key, right(deal_id, 4), contract_value, valid_from, coalesce(CAST(valid_to AS VARCHAR), 'NULL'),
            is_current, is_loaded)
        FROM dim_engagement ORDER BY deal_id, valid_from
        """;

    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task An_incremental_read_of_one_modified_row_versions_that_deal_only()
    {
        await using var server = new FakeSmartsheet();
        var sheet = server.Add(TestTracker.Sheet(1, "EMEA", [1, 2, 3]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Tuesday);

        _harness.Clock.Offset = TimeSpan.FromHours(1);
        sheet.Edit(TestTracker.RowId(2), _harness.Clock.GetUtcNow(), "Contract Value", FakeCell.Money(2500m, "$2,500.00"));
        var second = await _harness.RunAsync(_harness.Extractor(options), asOf: Wednesday);

        // The read landed row 2 alone; rows 1 and 3 came from Tuesday's pages, unchanged: no version for them.
        Assert.Contains(_harness.Progress, p => p.Contains("1 row(s) modified since", StringComparison.Ordinal));
        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-07-01 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-07-01 | 2025-07-02 | false | false",
                "4 | 2AAA | 2500.00 | 2025-07-02 | NULL | true | true",
                "3 | 3AAA | 1000.00 | 2025-07-01 | NULL | true | true",
            ],
            _harness.Query<string>(Versions));
        var tracker = second.Sources.Single(s => s.Source == "smartsheet");
        Assert.Equal((3L, 3L, 0L), (tracker.Extracted, tracker.Loaded, tracker.Rejected));
        Assert.Contains(_harness.Progress, p => p.StartsWith("model dim_engagement: 4 rows", StringComparison.Ordinal)
            && p.EndsWith("(1 opened, 1 closed, 0 retained)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_deleted_from_the_sheet_closes_its_deals_version_on_the_next_run_date()
    {
        await using var server = new FakeSmartsheet();
        var sheet = server.Add(TestTracker.Sheet(1, "EMEA", [1, 2, 3]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Tuesday);

        sheet.Delete(TestTracker.RowId(3));
        _harness.Clock.Offset = TimeSpan.FromHours(1);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Wednesday);

        Assert.Contains(_harness.Progress, p => p.Contains("1 row(s) deleted since the last read", StringComparison.Ordinal));
        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-07-01 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-07-01 | NULL | true | true",
                "3 | 3AAA | 1000.00 | 2025-07-01 | 2025-07-02 | false | false",
            ],
            _harness.Query<string>(Versions));
    }

    [Fact]
    public async Task A_row_rejected_on_the_next_run_keeps_its_version_out_of_the_runs_facts_and_the_counts_reconcile()
    {
        await using var server = new FakeSmartsheet();
        var sheet = server.Add(TestTracker.Sheet(1, "EMEA", [1, 2, 3]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Tuesday);

        _harness.Clock.Offset = TimeSpan.FromHours(1);
        sheet.Edit(TestTracker.RowId(2), _harness.Clock.GetUtcNow(), "Contract Value", FakeCell.Text("lots"));
        var second = await _harness.RunAsync(_harness.Extractor(options), asOf: Wednesday);

        // 3 rows = 2 loaded + 1 rejected (the run fails when they do not add up); deal 2 keeps Tuesday's version.
        var tracker = second.Sources.Single(s => s.Source == "smartsheet");
        Assert.Equal((3L, 2L, 1L), (tracker.Extracted, tracker.Loaded, tracker.Rejected));
        Assert.Equal(["unparseable_amount"], _harness.Query<string>("SELECT reason FROM etl_reject WHERE run_id = $run", new { run = second.Run.RunId }));
        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-07-01 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-07-01 | NULL | true | false",
                "3 | 3AAA | 1000.00 | 2025-07-01 | NULL | true | true",
            ],
            _harness.Query<string>(Versions));
        // The run's facts are those of the rows it loaded: 2 deals × 2 stages; Tuesday's snapshot had all three.
        Assert.Equal(["1AAA", "3AAA"], _harness.Query<string>("SELECT DISTINCT right(deal_id, 4) FROM fct_engagement_stage ORDER BY 1"));
        Assert.Equal(["2025-07-01 | 6", "2025-07-02 | 4"], _harness.Query<string>(
            "SELECT concat_ws(' | ', snapshot_date, count(*)) FROM fct_engagement_stage_snapshot GROUP BY snapshot_date ORDER BY snapshot_date"));
    }
}
