using System.Globalization;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// The CRM from Salesforce: Opportunity and OpportunityHistory, each brought up to date by <see cref="ObjectSync"/> and
/// landed as <c>salesforce/opportunities</c> and <c>salesforce/opportunity_history</c> in the shape the built-in
/// sample lands (the bodies of <c>/query</c> responses), so the same raw tables and models read both. The org's API
/// usage is reported after each object.
/// </summary>
public sealed partial class SalesforceSourceExtractor : ISourceExtractor, IReportsProgress
{
    private readonly SalesforceOptions _options;
    private readonly TimeProvider _clock;

    /// <exception cref="SalesforceConfigurationException">The configuration is incomplete, or the JWT key unreadable.</exception>
    public SalesforceSourceExtractor(SalesforceOptions options, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _clock = clock ?? TimeProvider.System;
        // The key is read now, so that an unreadable one stops the run before anything is written.
        new SalesforceAuthenticator(options, _clock).Dispose();
    }

    public string Origin => "live";

    public event Action<string>? Progress;

    /// <summary>Requests the last extract sent (sign-ins and retries included).</summary>
    public int LastRequestCount { get; private set; }

    /// <summary>The org's API usage as the last extract's last response reported it.</summary>
    public string? LastApiUsage { get; private set; }

    public async Task<IReadOnlyList<LandingManifest>> ExtractAsync(LandingArea landing, string runId, RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(landing);
        ArgumentNullException.ThrowIfNull(request);
        using var client = new SalesforceClient(_options, _clock);
        client.Progress += Report;
        try
        {
            await client.AuthenticateAsync(cancellationToken);
            var sync = new ObjectSync(client, _options, landing, runId, _clock, Report);
            var manifests = new List<LandingManifest>();
            foreach (var sobject in SalesforceObject.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                manifests.Add(await sync.SyncAsync(sobject, request, cancellationToken));
                ReportUsage(client);
            }

            return manifests;
        }
        finally
        {
            LastRequestCount = client.Requests;
            LastApiUsage = client.Usage?.ToString();
        }
    }

    private void ReportUsage(SalesforceClient client)
    {
        if (client.Usage is { } usage)
        {
            Report(string.Create(CultureInfo.InvariantCulture, $"Salesforce API usage: {usage} (the extract stops at {ApiUsage.Percent(_options.MaxApiUsageShare)})"));
        }
    }

    private void Report(string message) => Progress?.Invoke(message);
}
