namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>The <c>Smartsheet</c> configuration is incomplete or wrong; every problem is listed. Nothing was read.</summary>
public sealed class SmartsheetConfigurationException(IReadOnlyList<string> problems)
    : Exception("The Smartsheet configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
