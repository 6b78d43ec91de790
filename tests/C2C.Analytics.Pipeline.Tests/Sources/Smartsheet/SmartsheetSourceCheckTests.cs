using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet;

/// <summary>
/// Smartsheet's check for <c>c2c validate</c> / <c>c2c sources test</c>, against the fake Smartsheet: the token, every
/// sheet readable, every configured column present; nothing landed.
/// </summary>
public sealed class SmartsheetSourceCheckTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Configured_and_discovered_template_sheets_pass_with_one_small_request_each_and_nothing_landed()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1, 2, 3]));
        server.Add(TestTracker.Sheet(11, "2024", [4]));
        server.Add(new FakeSheet(13, "Team notes", ["Opportunity ID", "Notes"]));
        server.Containers[900] = [("sheet", 11, "2024"), ("sheet", 13, "Team notes")];
        var options = _harness.Options(server, 1);
        options.WorkspaceIds = [900];

        var result = await _harness.Extractor(options).CheckAsync(CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal("smartsheet", result.Source);
        // Sheets 1 and 11 are the template; 13 (no Account, Region, …) is skipped by a run, as the check says.
        Assert.Equal(
            "2 sheet(s) of the tracker template, every configured column found; 1 other sheet(s) in the workspaces and folders are not the template and are skipped.",
            result.Detail);
        var sheetRequests = server.Requests.Where(r => r.StartsWith("/2.0/sheets/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/2.0/sheets/1?page=1&pageSize=1", "/2.0/sheets/11?page=1&pageSize=1", "/2.0/sheets/13?page=1&pageSize=1"], sheetRequests);
        Assert.False(Directory.Exists(Path.Combine(_harness.DataDirectory, "landing")));
    }

    [Fact]
    public async Task A_configured_sheet_without_a_configured_column_fails_naming_the_sheet_and_the_column()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1]));
        server.Add(TestTracker.Sheet(2, "APAC", [2], TestTracker.Titles.Where(t => t != "Invoice Sent Date")));

        var result = await _harness.Extractor(_harness.Options(server, 1, 2)).CheckAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("sheet 2 ('APAC') has no column 'Invoice Sent Date'.", result.Detail);
    }

    [Fact]
    public async Task A_refused_token_fails_the_check_with_Smartsheets_message_and_without_the_token()
    {
        await using var server = new FakeSmartsheet { TokenExpired = true };
        server.Add(TestTracker.Sheet(1, "EMEA", [1]));

        var result = await _harness.Extractor(_harness.Options(server, 1)).CheckAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Contains("Your Access Token has expired.", result.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeSmartsheet.Token, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_sheet_to_read_is_a_failed_check()
    {
        await using var server = new FakeSmartsheet();
        server.Containers[900] = [];
        var options = _harness.Options(server);
        options.WorkspaceIds = [900];

        var result = await _harness.Extractor(options).CheckAsync(CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("no sheet to read", result.Detail, StringComparison.Ordinal);
    }
}
