using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet;

/// <summary>
/// Runs after the first: an unchanged sheet costs one version check, a changed one its modified rows, and the staging
/// still sees every current row; deleted rows disappear from the run's rows; full reads weekly and on --full-refresh;
/// a failed run moves nothing forward.
/// </summary>
public sealed class SmartsheetIncrementalTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task An_unchanged_sheet_is_skipped_by_version_and_a_modified_row_is_read_alone_while_the_warehouse_keeps_every_row()
    {
        await using var server = new FakeSmartsheet();
        var one = server.Add(TestTracker.Sheet(1, "EMEA", [1, 2, 3]));
        var two = server.Add(TestTracker.Sheet(2, "APAC", [4, 5]));
        var options = _harness.Options(server, 1, 2);
        var first = await _harness.RunAsync(_harness.Extractor(options));
        var versionOne = one.Version;
        var versionTwo = two.Version;

        _harness.Clock.Offset = TimeSpan.FromHours(1);
        one.Edit(TestTracker.RowId(2), _harness.Clock.GetUtcNow(), "Contract Value", FakeCell.Money(2500m, "$2,500.00"));
        var before = server.Log.Count;
        var second = await _harness.RunAsync(_harness.Extractor(options));

        var requests = server.Requests.Skip(before).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains($"ifVersionAfter={versionTwo}", Assert.Single(requests, r => r.StartsWith("/2.0/sheets/2?", StringComparison.Ordinal)), StringComparison.Ordinal);
        var changes = Assert.Single(requests, r => r.StartsWith("/2.0/sheets/1?", StringComparison.Ordinal));
        Assert.Contains($"ifVersionAfter={versionOne}", changes, StringComparison.Ordinal);
        Assert.Contains("rowsModifiedSince=", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("page=", changes, StringComparison.Ordinal);

        // The manifest: the one row landed now, plus the first run's pages for the rows they still hold
        // (sheet 1: 3 rows less the modified one = 2; sheet 2: its 2 rows).
        var manifest = _harness.Landing.ReadManifest("smartsheet", "tracker", second.Run.RunId)!;
        Assert.Equal(
            [(null, "sheet-1-changes.json", 1L), (first.Run.RunId, "sheet-1-page-0001.json", 2L), (first.Run.RunId, "sheet-2-page-0001.json", 2L)],
            manifest.Files.Select(f => (f.LandingRunId, f.Name, f.Records)).OrderBy(f => f.Name, StringComparer.Ordinal));
        var tracker = second.Sources.Single(s => s.Source == "smartsheet");
        Assert.Equal((5L, 5L, 0L), (tracker.Extracted, tracker.Loaded, tracker.Rejected));
        (string, decimal)[] expected =
            [(TestTracker.DealId(1), 1000m), (TestTracker.DealId(2), 2500m), (TestTracker.DealId(3), 1000m), (TestTracker.DealId(4), 1000m), (TestTracker.DealId(5), 1000m)];
        Assert.Equal(expected, _harness.Query<(string, decimal)>("SELECT deal_id, contract_value FROM dim_engagement WHERE is_current ORDER BY deal_id"));

        // Rebuilding from that run's landing (c2c run --landing) reads the earlier run's pages it lists: same tracker.
        var requestsBefore = server.Log.Count;
        await _harness.RunAsync(_harness.Extractor(options), landingRunId: second.Run.RunId);
        Assert.Equal(requestsBefore, server.Log.Count);
        Assert.Equal(expected, _harness.Query<(string, decimal)>("SELECT deal_id, contract_value FROM dim_engagement WHERE is_current ORDER BY deal_id"));
    }

    [Fact]
    public async Task A_deleted_row_makes_the_row_count_disagree_so_the_sheet_is_read_in_full_and_the_deal_is_not_in_the_run()
    {
        await using var server = new FakeSmartsheet();
        var sheet = server.Add(TestTracker.Sheet(1, "EMEA", [1, 2, 3]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options));

        sheet.Delete(TestTracker.RowId(3));
        _harness.Clock.Offset = TimeSpan.FromHours(1);
        var before = server.Log.Count;
        var second = await _harness.RunAsync(_harness.Extractor(options));

        // The changes request (no rows modified, totalRowCount 2 against 3 held), then a full read.
        var requests = server.Requests.Skip(before).ToList();
        Assert.Equal(2, requests.Count);
        Assert.Contains("rowsModifiedSince=", requests[0], StringComparison.Ordinal);
        Assert.Contains("page=1", requests[1], StringComparison.Ordinal);
        Assert.Contains(_harness.Progress, p => p.Contains("1 row(s) deleted", StringComparison.Ordinal));
        Assert.All(_harness.Landing.ReadManifest("smartsheet", "tracker", second.Run.RunId)!.Files, f => Assert.Null(f.LandingRunId));
        Assert.Equal([TestTracker.DealId(1), TestTracker.DealId(2)], _harness.Query<string>(
            "SELECT deal_id FROM dim_engagement WHERE is_current ORDER BY 1"));
    }

    [Fact]
    public async Task A_sheet_is_read_in_full_again_once_its_last_full_read_is_a_week_old_and_on_full_refresh()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1, 2]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options));

        async Task<string> NextRequest(TimeSpan offset, bool fullRefresh = false)
        {
            _harness.Clock.Offset = offset;
            var before = server.Log.Count;
            await _harness.RunAsync(_harness.Extractor(options), fullRefresh);
            return Assert.Single(server.Requests.Skip(before));
        }

        Assert.Contains("ifVersionAfter=", await NextRequest(TimeSpan.FromDays(6)), StringComparison.Ordinal);
        var weekly = await NextRequest(TimeSpan.FromDays(7));
        Assert.Contains("page=1", weekly, StringComparison.Ordinal);
        Assert.DoesNotContain("ifVersionAfter", weekly, StringComparison.Ordinal);
        Assert.Contains("ifVersionAfter=", await NextRequest(TimeSpan.FromDays(8)), StringComparison.Ordinal);
        Assert.DoesNotContain("ifVersionAfter", await NextRequest(TimeSpan.FromDays(8), fullRefresh: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_run_moves_nothing_forward_so_the_next_run_reads_the_same_changes_again()
    {
        await using var server = new FakeSmartsheet();
        var one = server.Add(TestTracker.Sheet(1, "EMEA", [1]));
        server.Add(TestTracker.Sheet(2, "APAC", [2]));
        var options = _harness.Options(server, 1, 2);
        await _harness.RunAsync(_harness.Extractor(options));
        var committedVersion = one.Version;

        _harness.Clock.Offset = TimeSpan.FromHours(1);
        one.Edit(TestTracker.RowId(1), _harness.Clock.GetUtcNow(), "Contract Value", FakeCell.Money(5000m, "$5,000.00"));
        server.Forbidden.Add(2);
        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => _harness.RunAsync(_harness.Extractor(options)));
        Assert.Contains("sheet 2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("1004", failure.Message, StringComparison.Ordinal);
        Assert.Equal([1000m], _harness.Query<decimal>("SELECT contract_value FROM dim_engagement WHERE deal_id = $deal", new { deal = TestTracker.DealId(1) }));

        server.Forbidden.Clear();
        _harness.Clock.Offset = TimeSpan.FromHours(2);
        var before = server.Log.Count;
        await _harness.RunAsync(_harness.Extractor(options));

        Assert.Contains($"ifVersionAfter={committedVersion}&", Assert.Single(server.Requests.Skip(before), r => r.StartsWith("/2.0/sheets/1?", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal([5000m], _harness.Query<decimal>("SELECT contract_value FROM dim_engagement WHERE deal_id = $deal", new { deal = TestTracker.DealId(1) }));
    }
}
