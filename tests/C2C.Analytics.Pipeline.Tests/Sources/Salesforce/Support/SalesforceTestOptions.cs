using C2C.Analytics.Pipeline.Sources.Salesforce;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

/// <summary>The configuration of a run against the fake org: every flow's settings, fast retries.</summary>
public static class SalesforceTestOptions
{
    public static SalesforceOptions For(FakeSalesforce server, SalesforceAuthFlow flow = SalesforceAuthFlow.ClientCredentials) => new()
    {
        LoginUrl = server.BaseUrl,
        AuthFlow = flow,
        ClientId = FakeSalesforce.ClientId,
        ClientSecret = flow == SalesforceAuthFlow.JwtBearer ? null : FakeSalesforce.ClientSecret,
        Username = flow is SalesforceAuthFlow.JwtBearer or SalesforceAuthFlow.Password ? FakeSalesforce.Username : null,
        Password = flow == SalesforceAuthFlow.Password ? FakeSalesforce.Password : null,
        SecurityToken = flow == SalesforceAuthFlow.Password ? FakeSalesforce.SecurityToken : null,
        RefreshToken = flow == SalesforceAuthFlow.RefreshToken ? FakeSalesforce.RefreshTokenValue : null,
        PrivateKey = flow == SalesforceAuthFlow.JwtBearer ? server.PrivateKeyPem : null,
        RetryBaseDelayMilliseconds = 10,
        BulkPollMilliseconds = 10,
    };
}
