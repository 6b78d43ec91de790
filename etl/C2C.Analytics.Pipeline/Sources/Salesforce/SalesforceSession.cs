namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>A signed-in session: the bearer token and the org's instance, which every call after sign-in goes to.</summary>
internal sealed record SalesforceSession(string AccessToken, Uri InstanceUrl);
