using System.Diagnostics;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet;

/// <summary>
/// Faults: rate limits and retryable errors are waited out; token, permission and not-found errors and a missing
/// configured column fail the run naming the sheet, leave the warehouse as it was, and never show the token.
/// </summary>
public sealed class SmartsheetFaultTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_429_is_waited_out_for_its_Retry_After_and_the_run_then_succeeds()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1, 2]));
        server.Fail("/sheets/1", 429, 4003, "Rate limit exceeded.", retryAfterSeconds: 1);

        var watch = Stopwatch.StartNew();
        await _harness.RunAsync(_harness.Extractor(_harness.Options(server, 1)));

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"the run took {watch.Elapsed}, less than the second Retry-After asked for");
        Assert.Equal([429, 200], server.Log.Select(l => l.Status));
        Assert.Contains(_harness.Progress, p => p.Contains("4003", StringComparison.Ordinal) && p.Contains("retry 1 of", StringComparison.Ordinal));
        Assert.Equal(2, _harness.Query<long>("SELECT count(*) FROM dim_engagement WHERE is_current").Single());
    }

    [Fact]
    public async Task Retryable_errors_4004_and_503_4001_are_retried_with_backoff()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1]));
        server.Fail("/sheets/1", 500, 4004, "An unexpected error has occurred. Please retry your request.");
        server.Fail("/sheets/1", 503, 4001, "Smartsheet.com is currently offline for system maintenance.");

        await _harness.RunAsync(_harness.Extractor(_harness.Options(server, 1)));

        Assert.Equal([500, 503, 200], server.Log.Select(l => l.Status));
        Assert.Single(_harness.Query<string>("SELECT deal_id FROM dim_engagement WHERE is_current"));
    }

    [Fact]
    public async Task A_retryable_error_that_does_not_stop_fails_the_run_after_the_configured_retries()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1]));
        server.Fail("/sheets/1", 500, 4004, "Retry.", times: 10);
        var options = _harness.Options(server, 1);
        options.MaxRetries = 2;

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => _harness.RunAsync(_harness.Extractor(options)));

        Assert.Equal(3, server.Log.Count);
        Assert.Contains("sheet 1: HTTP 500, Smartsheet error 4004: Retry. (refId fake4004) after 2 retries", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_fails_the_run_naming_the_sheet_and_leaves_the_warehouse_as_it_was()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1, 2]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options));

        server.TokenExpired = true;
        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => _harness.RunAsync(_harness.Extractor(options)));

        Assert.Contains("sheet 1", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Smartsheet error 1003: Your Access Token has expired.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("C2C__Smartsheet__AccessToken", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Log, l => l.Status == 401); // not retried
        Assert.Equal(2, _harness.Query<long>("SELECT count(*) FROM dim_engagement WHERE is_current").Single());
        Assert.Equal(["succeeded", "failed"], _harness.Query<string>("SELECT status FROM etl_run ORDER BY started_at"));
    }

    [Fact]
    public async Task A_sheet_that_does_not_exist_fails_the_run_naming_its_id()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1]));

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => _harness.RunAsync(_harness.Extractor(_harness.Options(server, 1, 424242))));

        Assert.Contains("sheet 424242: HTTP 404, Smartsheet error 1006: Not Found", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Smartsheet:SheetIds", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_sheet_without_a_configured_column_fails_the_run_naming_sheet_and_column()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1], TestTracker.Titles.Where(t => t != "Payment Terms")));

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => _harness.RunAsync(_harness.Extractor(_harness.Options(server, 1))));

        Assert.Contains("sheet 'EMEA' has no column 'Payment Terms'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_message_progress_line_or_recorded_error_holds_the_token_even_when_the_server_echoes_it()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1]));
        server.Fail("/sheets/1", 503, 4001, "maintenance for Bearer " + FakeSmartsheet.Token);
        server.Fail("/sheets/1", 400, 1008, "Unable to parse request: Authorization: Bearer " + FakeSmartsheet.Token);

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => _harness.RunAsync(_harness.Extractor(_harness.Options(server, 1))));

        var texts = new List<string>(_harness.Progress) { failure.ToString() };
        texts.AddRange(_harness.Query<string>("SELECT error FROM etl_run"));
        Assert.Contains(texts, t => t.Contains("Bearer [access token]", StringComparison.Ordinal));
        Assert.All(texts, t => Assert.DoesNotContain(FakeSmartsheet.Token, t, StringComparison.Ordinal));
    }
}
