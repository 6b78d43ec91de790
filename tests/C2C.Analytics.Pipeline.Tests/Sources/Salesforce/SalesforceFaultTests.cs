using System.Diagnostics;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary>
/// Faults: an expired session is renewed once; 5xx, 429, timeouts and dropped connections are waited out; the request
/// limit, the API budget, a missing field and a malformed page stop the run naming what failed, leave the warehouse
/// and the watermark as they were, and keep what had landed for inspection.
/// </summary>
public sealed class SalesforceFaultTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    /// <summary>An org of three opportunities (one per page) whose first run has committed; the watermark is 08:02.</summary>
    private async Task<FakeSalesforce> CommittedOrgAsync()
    {
        var server = new FakeSalesforce { PageSize = 1 };
        for (var n = 1; n <= 3; n++)
        {
            server.Opportunities.Add(FakeRecords.Opportunity(n, T0.AddMinutes(n - 1)));
        }

        await _harness.RunAsync(new SalesforceSourceExtractor(SalesforceTestOptions.For(server), _harness.Clock));
        Assert.Equal("2025-06-02 08:02:00", _harness.Watermark("opportunities"));
        // Three changes for the next run, one per page.
        for (var n = 1; n <= 3; n++)
        {
            FakeRecords.Modify(server.Opportunities[n - 1], T0.AddHours(1).AddMinutes(n), "StageName", "Negotiation");
        }

        _harness.Clock.Offset = TimeSpan.FromHours(2);
        return server;
    }

    private Task<RunSummary> RunAsync(FakeSalesforce server, Action<SalesforceOptions>? configure = null)
    {
        var options = SalesforceTestOptions.For(server);
        configure?.Invoke(options);
        return _harness.RunAsync(new SalesforceSourceExtractor(options, _harness.Clock));
    }

    /// <summary>The files of the run's opportunities landing folder (no manifest: the extract did not finish).</summary>
    private List<string> LandedWithoutManifest()
    {
        var runs = Directory.GetDirectories(Path.Combine(_harness.Landing.Root, "salesforce", "opportunities")).Order(StringComparer.Ordinal).ToList();
        var folder = runs.Single(r => !File.Exists(Path.Combine(r, "manifest.json")));
        return Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
    }

    private void AssertWarehouseAsAfterTheFirstRun()
    {
        Assert.Equal("2025-06-02 08:02:00", _harness.Watermark("opportunities"));
        Assert.Equal(["Prospecting", "Prospecting", "Prospecting"], _harness.Query<string>("SELECT stage_name FROM fct_opportunity ORDER BY opportunity_id"));
        Assert.Equal("failed", _harness.Query<string>("SELECT status FROM etl_run ORDER BY started_at DESC LIMIT 1").Single());
    }

    [Fact]
    public async Task A_session_that_expires_in_the_middle_of_paging_is_renewed_once_and_the_page_fetched_again()
    {
        await using var server = await CommittedOrgAsync();
        server.ExpireSessionsAfter(1); // page 1 passes; page 2 finds the session expired

        await RunAsync(server);

        Assert.Equal(2, server.TokenRequests.Count - 1); // the first run's sign-in, then this run's two
        var statuses = server.Log.Where(l => l.Request.Contains("/query", StringComparison.Ordinal)).Select(l => l.Status).ToList();
        Assert.Equal(1, statuses.Count(s => s == 401));
        Assert.Contains(_harness.Progress, p => p.Contains("Salesforce Opportunity page 2: HTTP 401 INVALID_SESSION_ID: Session expired or invalid; signing in again", StringComparison.Ordinal));
        Assert.Equal(["Negotiation", "Negotiation", "Negotiation"], _harness.Query<string>("SELECT stage_name FROM fct_opportunity ORDER BY opportunity_id"));
        Assert.Equal("2025-06-02 09:03:00", _harness.Watermark("opportunities"));
    }

    [Fact]
    public async Task A_503_then_success_is_retried_and_only_the_successful_page_lands()
    {
        await using var server = await CommittedOrgAsync();
        server.Fail("/query/01gFAKE", 503, "<html><body>Service Unavailable</body></html>");

        var summary = await RunAsync(server);

        Assert.Equal([503, 200], server.Log.Where(l => l.Request.StartsWith("/services/data/v66.0/query/01gFAKE00000003AAA-1", StringComparison.Ordinal)).Select(l => l.Status));
        Assert.Contains(_harness.Progress, p => p.Contains("Salesforce Opportunity page 2: HTTP 503; retry 1 of 6", StringComparison.Ordinal));
        var manifest = _harness.Landing.ReadManifest("salesforce", "opportunities", summary.Run.RunId)!;
        Assert.Equal(["opportunities-page-000001.json", "opportunities-page-000002.json", "opportunities-page-000003.json"],
            manifest.Files.Where(f => f.LandingRunId is null).Select(f => f.Name));
        Assert.Equal("2025-06-02 09:03:00", _harness.Watermark("opportunities"));
    }

    [Fact]
    public async Task A_429_is_waited_out_for_its_Retry_After()
    {
        await using var server = await CommittedOrgAsync();
        server.FailWith("/queryAll", 429, "TOO_MANY_REQUESTS", "Too many requests", retryAfterSeconds: 1);

        var watch = Stopwatch.StartNew();
        await RunAsync(server);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1), $"the run took {watch.Elapsed}, less than the second Retry-After asked for");
        Assert.Contains(_harness.Progress, p => p.Contains("HTTP 429", StringComparison.Ordinal) && p.Contains("retry 1 of 6 in 1.0 s", StringComparison.Ordinal));
        Assert.Equal("2025-06-02 09:03:00", _harness.Watermark("opportunities"));
    }

    [Fact]
    public async Task REQUEST_LIMIT_EXCEEDED_stops_the_extract_at_once_with_a_clear_message_and_moves_no_watermark()
    {
        await using var server = await CommittedOrgAsync();
        server.FailWith("/query/01gFAKE", 403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => RunAsync(server));

        Assert.Contains("Salesforce Opportunity page 2: HTTP 403 REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.", failure.Message, StringComparison.Ordinal);
        Assert.Contains("API request limit is used up", failure.Message, StringComparison.Ordinal);
        Assert.Single(server.Log, l => l.Status == 403); // not retried
        Assert.Equal(["opportunities-page-000001.json"], LandedWithoutManifest());
        AssertWarehouseAsAfterTheFirstRun();
    }

    [Fact]
    public async Task The_extract_stops_before_a_request_that_would_go_past_the_configured_share_of_the_daily_API_budget()
    {
        await using var server = await CommittedOrgAsync();
        server.ApiUsed = 7_998;
        server.ApiMax = 10_000;

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => RunAsync(server));

        // Page 1 reports 7,999 of 10,000; page 2 reports 8,000 (80%): no third request.
        Assert.Contains("Salesforce Opportunity page 3: stopped before the next request: 8,000 of 10,000 daily API requests used (80%), at or above Salesforce:MaxApiUsageShare (80%)",
            failure.Message, StringComparison.Ordinal);
        Assert.Equal(["opportunities-page-000001.json", "opportunities-page-000002.json"], LandedWithoutManifest());
        AssertWarehouseAsAfterTheFirstRun();
    }

    [Fact]
    public async Task A_truncated_page_fails_the_run_naming_the_page_and_stays_landed_for_inspection()
    {
        await using var server = await CommittedOrgAsync();
        server.Truncate("/query/01gFAKE");

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => RunAsync(server));

        Assert.Contains("Salesforce Opportunity page 2 (/services/data/v66.0/query/01gFAKE00000003AAA-1) is not a whole query page: The response ends before its JSON does.",
            failure.Message, StringComparison.Ordinal);
        Assert.Contains("opportunities-page-000002.json for inspection", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["opportunities-page-000001.json", "opportunities-page-000002.json"], LandedWithoutManifest());
        AssertWarehouseAsAfterTheFirstRun();
    }

    [Fact]
    public async Task A_connection_dropped_in_the_middle_of_a_page_or_a_page_that_takes_too_long_is_fetched_again()
    {
        await using var server = await CommittedOrgAsync();
        server.Drop("/query/01gFAKE00000003AAA-1");
        server.Stall("/query/01gFAKE00000003AAA-2", seconds: 3);

        var summary = await RunAsync(server, o => o.RequestTimeoutSeconds = 1);

        Assert.Contains(_harness.Progress, p => p.Contains("Salesforce Opportunity page 2: the connection failed", StringComparison.Ordinal));
        Assert.Contains(_harness.Progress, p => p.Contains("Salesforce Opportunity page 3: no answer within 1 s; retry 1 of 6", StringComparison.Ordinal));
        // The page that broke off was taken back: the landed page is the whole one, byte for byte.
        var manifest = _harness.Landing.ReadManifest("salesforce", "opportunities", summary.Run.RunId)!;
        var whole = server.Log.Last(l => l.Request.EndsWith("-1", StringComparison.Ordinal) && l.Request.Contains("01gFAKE00000003AAA", StringComparison.Ordinal));
        Assert.Equal(whole.Sha256, manifest.Files.Single(f => f.Name == "opportunities-page-000002.json" && f.LandingRunId is null).Sha256);
        Assert.Equal(["Negotiation", "Negotiation", "Negotiation"], _harness.Query<string>("SELECT stage_name FROM fct_opportunity ORDER BY opportunity_id"));
    }

    [Fact]
    public async Task A_retryable_error_that_does_not_stop_fails_the_run_after_the_configured_retries()
    {
        await using var server = await CommittedOrgAsync();
        server.FailWith("/queryAll", 500, "UNKNOWN_EXCEPTION", "An unexpected error occurred.", times: 10);

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => RunAsync(server, o => o.MaxRetries = 2));

        Assert.Contains("Salesforce Opportunity page 1: HTTP 500 UNKNOWN_EXCEPTION: An unexpected error occurred. after 2 retries", failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.Log.Count(l => l.Status == 500));
        AssertWarehouseAsAfterTheFirstRun();
    }

    [Fact]
    public async Task A_configured_field_the_org_lacks_fails_the_run_with_Salesforces_message_naming_the_field()
    {
        await using var server = await CommittedOrgAsync();
        server.MissingFields.Add("Engagement_Type__c");

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => RunAsync(server, o => o.Opportunity.CustomFields.Add("Engagement_Type__c")));

        Assert.Contains("Salesforce has no field 'Engagement_Type__c' on Opportunity in this org (configured under Salesforce:Opportunity)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("HTTP 400 INVALID_FIELD:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("No such column 'Engagement_Type__c' on entity 'Opportunity'.", failure.Message, StringComparison.Ordinal);
        Assert.Empty(LandedWithoutManifest());
        AssertWarehouseAsAfterTheFirstRun();
    }

    [Fact]
    public async Task An_optional_field_the_org_lacks_is_left_out_and_the_run_goes_on()
    {
        await using var server = new FakeSalesforce();
        server.MissingFields.Add("CurrencyIsoCode");
        server.Opportunities.Add(FakeRecords.Opportunity(1, T0));

        await RunAsync(server);

        var queries = server.Queries.Where(q => q.Contains(" FROM Opportunity ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, queries.Count);
        Assert.Contains("CurrencyIsoCode", queries[0], StringComparison.Ordinal);
        Assert.DoesNotContain("CurrencyIsoCode", queries[1], StringComparison.Ordinal);
        Assert.Contains(_harness.Progress, p => p.Contains("Salesforce Opportunity: this org has no field CurrencyIsoCode (optional): read without it", StringComparison.Ordinal));
        Assert.Equal([TestTracker.DealId(1) + "|"], _harness.Query<string>("SELECT opportunity_id || '|' || coalesce(currency, '') FROM fct_opportunity"));
    }

    [Fact]
    public async Task No_progress_line_exception_or_recorded_error_holds_a_token_or_a_secret_even_when_the_server_echoes_them()
    {
        await using var server = new FakeSalesforce { PageSize = 1 };
        server.Opportunities.AddRange([FakeRecords.Opportunity(1, T0), FakeRecords.Opportunity(2, T0.AddMinutes(1))]);
        server.FailWith("/query/01gFAKE", 503, "SERVER_UNAVAILABLE", $"upstream said: Authorization: Bearer 00DFAKE000000001!AQ0fakeAccessToken1, client_secret={FakeSalesforce.ClientSecret}");
        server.FailWith("/query/01gFAKE", 400, "MALFORMED_QUERY",
            $"echo Bearer 00DFAKE000000001!AQ0fakeAccessToken1 password={Uri.EscapeDataString(FakeSalesforce.Password + FakeSalesforce.SecurityToken)} secret {FakeSalesforce.ClientSecret}");

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => RunAsync(server, o =>
        {
            o.AuthFlow = SalesforceAuthFlow.Password;
            o.Username = FakeSalesforce.Username;
            o.Password = FakeSalesforce.Password;
            o.SecurityToken = FakeSalesforce.SecurityToken;
        }));

        var texts = new List<string>(_harness.Progress) { failure.ToString() };
        texts.AddRange(_harness.Query<string>("SELECT error FROM etl_run WHERE error IS NOT NULL"));
        Assert.Contains(texts, t => t.Contains("Bearer [secret]", StringComparison.Ordinal));
        string[] secrets = [.. server.IssuedTokens, FakeSalesforce.ClientSecret, FakeSalesforce.Password, FakeSalesforce.SecurityToken,
            Uri.EscapeDataString(FakeSalesforce.Password + FakeSalesforce.SecurityToken)];
        Assert.NotEmpty(server.IssuedTokens);
        foreach (var secret in secrets)
        {
            Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.Ordinal));
        }
    }
}
