using System.Globalization;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Configuration section <c>Salesforce</c>: how to sign in, which fields to read, how to read them. Secrets (client
/// secret, password, security token, refresh token, private key) come only from user secrets or the environment
/// (<c>C2C__Salesforce__ClientSecret</c>, …); they are sent only in the token request and never written to a log line or
/// an exception message.
/// </summary>
public sealed class SalesforceOptions : ApiSourceOptions
{
    public const string SectionName = "Salesforce";

    public const string ProductionLoginUrl = "https://login.salesforce.com";

    public const string SandboxLoginUrl = "https://test.salesforce.com";

    /// <summary>Production, sandbox, or the org's My Domain (<c>https://acme.my.salesforce.com</c>).</summary>
    public string LoginUrl { get; set; } = ProductionLoginUrl;

    public SalesforceAuthFlow AuthFlow { get; set; } = SalesforceAuthFlow.JwtBearer;

    /// <summary>The connected app's consumer key.</summary>
    public string? ClientId { get; set; }

    /// <summary>The connected app's consumer secret (client credentials, refresh token, password flows).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The integration user (JWT bearer, password flows).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Appended to the password (password flow) unless the org trusts the caller's IP range.</summary>
    public string? SecurityToken { get; set; }

    public string? RefreshToken { get; set; }

    /// <summary>The JWT signing key as PEM text (from the environment; <c>\n</c> may stand for line breaks).</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Or a PEM file holding it, outside the repository.</summary>
    public string? PrivateKeyFile { get; set; }

    /// <summary>The JWT <c>aud</c>; default https://test.salesforce.com for sandboxes, else https://login.salesforce.com.</summary>
    public string? JwtAudience { get; set; }

    /// <summary>REST API version, e.g. <c>66.0</c> (Spring '26).</summary>
    public string ApiVersion { get; set; } = "66.0";

    public SalesforceObjectOptions Opportunity { get; set; } = new();

    public SalesforceObjectOptions OpportunityHistory { get; set; } = new();

    /// <summary>An incremental read starts this long before the watermark, for records committed late.</summary>
    public int OverlapMinutes { get; set; } = 10;

    /// <summary>
    /// A read more than this many days after the last one is a full read: Salesforce keeps deleted records (which
    /// <c>queryAll</c> reports) for 15 days only.
    /// </summary>
    public int FullReadAfterDays { get; set; } = 14;

    /// <summary>Records per query page asked for (<c>Sforce-Query-Options: batchSize</c>, 200–2000; Salesforce may send fewer).</summary>
    public int QueryBatchSize { get; set; } = 2000;

    /// <summary>From this many records on, an object is read with a Bulk API 2.0 query job (0: never).</summary>
    public long BulkThreshold { get; set; }

    /// <summary>Records per Bulk API 2.0 result page (<c>maxRecords</c>).</summary>
    public int BulkPageSize { get; set; } = 100_000;

    /// <summary>The first wait between polls of a bulk job; it grows to 30 seconds.</summary>
    public int BulkPollMilliseconds { get; set; } = 2000;

    /// <summary>A bulk job not complete after this long fails the run.</summary>
    public int BulkTimeoutMinutes { get; set; } = 60;

    /// <summary>The extract stops before more than this share of the org's daily API requests is used (Sforce-Limit-Info).</summary>
    public double MaxApiUsageShare { get; set; } = 0.8;

    protected override string Section => SectionName;

    /// <summary>Salesforce is read when anything that signs in to it is set; the rest is then checked by <see cref="Problems"/>.</summary>
    public bool IsConfigured => new[] { ClientId, ClientSecret, Username, RefreshToken, PrivateKey, PrivateKeyFile }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>Every problem at once; secrets are only checked for presence.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsHttps(LoginUrl))
        {
            problems.Add($"Salesforce:LoginUrl '{LoginUrl}' is not an https URL (for example {ProductionLoginUrl}, {SandboxLoginUrl} or https://<my-domain>.my.salesforce.com).");
        }

        Require(problems, ClientId, "ClientId", "the connected app's consumer key");
        switch (AuthFlow)
        {
            case SalesforceAuthFlow.ClientCredentials:
                Require(problems, ClientSecret, "ClientSecret", "the connected app's consumer secret");
                break;
            case SalesforceAuthFlow.JwtBearer:
                Require(problems, Username, "Username", "the integration user's username");
                if (string.IsNullOrWhiteSpace(PrivateKey) && string.IsNullOrWhiteSpace(PrivateKeyFile))
                {
                    problems.Add("Salesforce:PrivateKey or Salesforce:PrivateKeyFile must be set for the JwtBearer flow: the PEM key in C2C__Salesforce__PrivateKey, or the path of a PEM file outside the repository.");
                }
                else if (string.IsNullOrWhiteSpace(PrivateKey) && !File.Exists(PrivateKeyFile))
                {
                    problems.Add($"Salesforce:PrivateKeyFile '{PrivateKeyFile}' does not exist.");
                }

                if (JwtAudience is { Length: > 0 } audience && !IsHttps(audience))
                {
                    problems.Add($"Salesforce:JwtAudience '{audience}' is not an https URL.");
                }

                break;
            case SalesforceAuthFlow.RefreshToken:
                Require(problems, RefreshToken, "RefreshToken", "the refresh token of the integration user");
                break;
            case SalesforceAuthFlow.Password:
                Require(problems, ClientSecret, "ClientSecret", "the connected app's consumer secret");
                Require(problems, Username, "Username", "the integration user's username");
                Require(problems, Password, "Password", "the integration user's password");
                break;
            default:
                problems.Add($"Salesforce:AuthFlow '{AuthFlow}' is not one of {string.Join(", ", Enum.GetNames<SalesforceAuthFlow>())}.");
                break;
        }

        if (!System.Text.RegularExpressions.Regex.IsMatch(ApiVersion ?? "", @"^\d{2,3}\.\d$"))
        {
            problems.Add($"Salesforce:ApiVersion '{ApiVersion}' is not a version such as 66.0.");
        }

        problems.AddRange(SalesforceObject.Opportunity.Problems(Opportunity, "Opportunity"));
        problems.AddRange(SalesforceObject.OpportunityHistory.Problems(OpportunityHistory, "OpportunityHistory"));
        Check(problems, OverlapMinutes >= 0, "OverlapMinutes must be zero or more.");
        Check(problems, FullReadAfterDays >= 1, "FullReadAfterDays must be at least 1.");
        Check(problems, QueryBatchSize is >= 200 and <= 2000, "QueryBatchSize must be between 200 and 2000.");
        Check(problems, BulkThreshold >= 0, "BulkThreshold must be zero (never) or more.");
        Check(problems, BulkPageSize >= 1, "BulkPageSize must be at least 1.");
        Check(problems, BulkPollMilliseconds >= 1, "BulkPollMilliseconds must be at least 1.");
        Check(problems, BulkTimeoutMinutes >= 1, "BulkTimeoutMinutes must be at least 1.");
        Check(problems, MaxApiUsageShare is > 0 and <= 1, "MaxApiUsageShare must be more than 0 and at most 1 (0.8 stops at 80% of the daily API requests).");
        CheckRetries(problems);
        return problems;
    }

    /// <exception cref="SalesforceConfigurationException">Something is missing or out of range.</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new SalesforceConfigurationException(problems);
        }
    }

    /// <summary>The JWT audience: as configured, else the sandbox or production login host.</summary>
    internal string Audience()
    {
        if (JwtAudience is { Length: > 0 } audience)
        {
            return audience.TrimEnd('/');
        }

        var host = new Uri(LoginUrl).Host;
        var sandbox = host.Equals("test.salesforce.com", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".sandbox.my.salesforce.com", StringComparison.OrdinalIgnoreCase);
        return sandbox ? SandboxLoginUrl : ProductionLoginUrl;
    }

    private static void Require(List<string> problems, string? value, string key, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"Salesforce:{key} is not set: {what}, in user secrets or the environment variable C2C__Salesforce__{key}."));
        }
    }
}
