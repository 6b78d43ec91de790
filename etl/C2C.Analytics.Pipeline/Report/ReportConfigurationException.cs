namespace C2C.Analytics.Pipeline.Report;

/// <summary>The <c>Report</c> settings are wrong; every problem is listed and nothing is run.</summary>
public sealed class ReportConfigurationException(IReadOnlyList<string> problems)
    : Exception("The Report settings are not valid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
