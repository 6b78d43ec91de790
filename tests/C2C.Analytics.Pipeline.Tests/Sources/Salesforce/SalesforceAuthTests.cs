using System.Text.Json;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce;

/// <summary>
/// Signing in with each OAuth flow (the token request as Salesforce documents it; the answer's instance_url used for
/// every call), a refused grant failing the run before anything lands, and a rotated refresh token used from then on.
/// </summary>
public sealed class SalesforceAuthTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 6, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData(SalesforceAuthFlow.ClientCredentials, "client_credentials", "client_id,client_secret,grant_type")]
    [InlineData(SalesforceAuthFlow.JwtBearer, "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion,grant_type")]
    [InlineData(SalesforceAuthFlow.RefreshToken, "refresh_token", "client_id,client_secret,grant_type,refresh_token")]
    [InlineData(SalesforceAuthFlow.Password, "password", "client_id,client_secret,grant_type,password,username")]
    public async Task Each_flow_signs_in_with_its_documented_form_and_the_run_reads_the_org(SalesforceAuthFlow flow, string grantType, string formFields)
    {
        await using var server = new FakeSalesforce();
        server.Opportunities.Add(FakeRecords.Opportunity(1, T0));

        await _harness.RunAsync(new SalesforceSourceExtractor(SalesforceTestOptions.For(server, flow), _harness.Clock));

        var form = Assert.Single(server.TokenRequests);
        Assert.Equal(grantType, form["grant_type"]);
        Assert.Equal(formFields, string.Join(",", form.Keys.Order(StringComparer.Ordinal)));
        switch (flow)
        {
            case SalesforceAuthFlow.Password:
                // The security token is appended to the password.
                Assert.Equal(FakeSalesforce.Password + FakeSalesforce.SecurityToken, form["password"]);
                break;
            case SalesforceAuthFlow.JwtBearer:
                // The server verified the RS256 signature with the app's public key; the claims name app, user and audience.
                var claims = JsonDocument.Parse(FromBase64Url(form["assertion"].Split('.')[1])).RootElement;
                Assert.Equal((FakeSalesforce.ClientId, FakeSalesforce.Username, "https://login.salesforce.com"),
                    (claims.GetProperty("iss").GetString(), claims.GetProperty("sub").GetString(), claims.GetProperty("aud").GetString()));
                Assert.InRange(claims.GetProperty("exp").GetInt64() - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 120, 181);
                break;
        }

        Assert.Equal([TestTracker.DealId(1)], _harness.Query<string>("SELECT opportunity_id FROM fct_opportunity"));
        Assert.Equal("2025-06-02 08:00:00", _harness.Watermark("opportunities"));
    }

    [Theory]
    [InlineData(SalesforceAuthFlow.ClientCredentials, "Run As user")]
    [InlineData(SalesforceAuthFlow.JwtBearer, "pre-authorise the user")]
    [InlineData(SalesforceAuthFlow.RefreshToken, "C2C__Salesforce__RefreshToken")]
    [InlineData(SalesforceAuthFlow.Password, "security token")]
    public async Task A_refused_grant_fails_the_run_once_with_Salesforces_error_and_what_to_check_and_lands_nothing(SalesforceAuthFlow flow, string hint)
    {
        await using var server = new FakeSalesforce { TokenError = ("invalid_grant", "authentication failure") };
        server.Opportunities.Add(FakeRecords.Opportunity(1, T0));

        var failure = await Assert.ThrowsAsync<PipelineRunException>(
            () => _harness.RunAsync(new SalesforceSourceExtractor(SalesforceTestOptions.For(server, flow), _harness.Clock)));

        Assert.Contains("HTTP 400 invalid_grant: authentication failure", failure.Message, StringComparison.Ordinal);
        Assert.Contains(hint, failure.Message, StringComparison.Ordinal);
        Assert.Single(server.TokenRequests); // a refused grant is not retried
        Assert.DoesNotContain(server.Log, l => l.Request.StartsWith("/services/data", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_harness.Landing.Root, "salesforce")));
        Assert.Empty(_harness.Query<string>("SELECT entity FROM etl_watermark"));
        Assert.Equal(["failed"], _harness.Query<string>("SELECT status FROM etl_run"));
    }

    [Fact]
    public async Task A_refresh_token_Salesforce_rotates_is_the_one_used_when_the_session_has_to_be_renewed()
    {
        await using var server = new FakeSalesforce { RotateRefreshTokens = true, PageSize = 1 };
        server.Opportunities.AddRange([FakeRecords.Opportunity(1, T0), FakeRecords.Opportunity(2, T0.AddMinutes(1))]);
        server.ExpireSessionsAfter(1);

        await _harness.RunAsync(new SalesforceSourceExtractor(SalesforceTestOptions.For(server, SalesforceAuthFlow.RefreshToken), _harness.Clock));

        var forms = server.TokenRequests.ToList();
        Assert.Equal(2, forms.Count);
        Assert.Equal(FakeSalesforce.RefreshTokenValue, forms[0]["refresh_token"]);
        Assert.Equal(FakeSalesforce.RefreshTokenValue + "-rotated-0", forms[1]["refresh_token"]);
        Assert.Equal(2, _harness.Query<long>("SELECT count(*) FROM fct_opportunity").Single());
    }

    [Fact]
    public async Task A_sandbox_or_explicit_JWT_audience_is_the_one_signed()
    {
        Assert.Equal("https://test.salesforce.com", new SalesforceOptions { LoginUrl = "https://test.salesforce.com" }.Audience());
        Assert.Equal("https://test.salesforce.com", new SalesforceOptions { LoginUrl = "https://acme--uat.sandbox.my.salesforce.com" }.Audience());
        Assert.Equal("https://login.salesforce.com", new SalesforceOptions { LoginUrl = "https://acme.my.salesforce.com" }.Audience());

        await using var server = new FakeSalesforce { Audience = "https://test.salesforce.com" };
        server.Opportunities.Add(FakeRecords.Opportunity(1, T0));
        var options = SalesforceTestOptions.For(server, SalesforceAuthFlow.JwtBearer);
        options.JwtAudience = "https://test.salesforce.com";

        await _harness.RunAsync(new SalesforceSourceExtractor(options, _harness.Clock));

        Assert.Single(_harness.Query<string>("SELECT opportunity_id FROM fct_opportunity"));
    }

    [Fact]
    public void A_private_key_that_is_not_PEM_stops_before_anything_runs_without_showing_the_key()
    {
        var options = new SalesforceOptions
        {
            AuthFlow = SalesforceAuthFlow.JwtBearer,
            ClientId = FakeSalesforce.ClientId,
            Username = FakeSalesforce.Username,
            PrivateKey = "not-a-key-0123456789",
        };

        var failure = Assert.Throws<SalesforceConfigurationException>(() => new SalesforceSourceExtractor(options));

        Assert.Contains("Salesforce:PrivateKey is not an unencrypted RSA private key", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-key-0123456789", failure.ToString(), StringComparison.Ordinal);
    }

    private static byte[] FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }
}
