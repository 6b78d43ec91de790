namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>How the pipeline signs in to Salesforce (OAuth 2.0 against <see cref="SalesforceOptions.LoginUrl"/>).</summary>
public enum SalesforceAuthFlow
{
    /// <summary>Client credentials: the connected app's key and secret, acting as the app's "run as" user (My Domain login host).</summary>
    ClientCredentials,

    /// <summary>JWT bearer: an assertion signed with the private key whose certificate is uploaded to the connected app.</summary>
    JwtBearer,

    /// <summary>Refresh token: one obtained once, interactively, for the integration user.</summary>
    RefreshToken,

    /// <summary>Username and password (plus security token), for orgs that still allow it.</summary>
    Password,
}
