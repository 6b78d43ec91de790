using C2C.Analytics.Pipeline.Run;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>Salesforce's check for <c>c2c validate</c>: it signs in and has every configured field (<see cref="SalesforceSourceCheck"/>).</summary>
public sealed partial class SalesforceSourceExtractor : ISourceCheck
{
    public async Task<SourceCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var check = await SalesforceSourceCheck.RunAsync(_options, _clock, cancellationToken).ConfigureAwait(false);
        return check.Problems.Count == 0
            ? new SourceCheckResult("salesforce", true, string.Join("; ", check.Notes))
            : new SourceCheckResult("salesforce", false, string.Join("; ", check.Problems));
    }
}
