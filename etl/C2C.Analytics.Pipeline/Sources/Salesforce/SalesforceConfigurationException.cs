namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>The <c>Salesforce</c> configuration is incomplete or wrong; every problem is listed. Nothing was read.</summary>
public sealed class SalesforceConfigurationException(IReadOnlyList<string> problems)
    : Exception("The Salesforce configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
