using System.Text.RegularExpressions;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Report;

/// <summary>Checks the <c>Report</c> settings against the stage catalog before a run touches anything.</summary>
public static partial class ReportOptionsValidator
{
    /// <summary>Every problem, or an empty list.</summary>
    public static IReadOnlyList<string> Problems(ReportOptions options, IReadOnlyList<ResolvedStage> stages)
    {
        var problems = new List<string>();
        if (!CurrencyCode().IsMatch(options.ReportingCurrency ?? ""))
        {
            problems.Add($"Report:ReportingCurrency '{options.ReportingCurrency}' is not a three-letter ISO 4217 code (e.g. USD).");
        }

        void Range(string name, int value, int min, int max)
        {
            if (value < min || value > max)
            {
                problems.Add($"Report:{name} is {value}; it must be between {min} and {max}.");
            }
        }

        Range(nameof(options.ReminderWindowBusinessDays), options.ReminderWindowBusinessDays, 0, 250);
        Range(nameof(options.RecentCompletionDays), options.RecentCompletionDays, 0, 3660);
        Range(nameof(options.CashPeriodDays), options.CashPeriodDays, 1, 3660);
        Range(nameof(options.QueueRows), options.QueueRows, 1, 10_000);

        var keys = stages.Select(s => s.Definition.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (cashEvent, _) in CashStageOptions.Defaults)
        {
            if (options.CashStages.Configured(cashEvent) is { Length: > 0 } key && !keys.Contains(key.Trim()))
            {
                problems.Add($"Report:CashStages ({cashEvent}) names '{key}', which is not a configured stage (Tracker:Stages keys: {string.Join(", ", keys.Order(StringComparer.Ordinal))}).");
            }
        }

        return problems;
    }

    public static void ThrowIfInvalid(ReportOptions options, IReadOnlyList<ResolvedStage> stages)
    {
        var problems = Problems(options, stages);
        if (problems.Count > 0)
        {
            throw new ReportConfigurationException(problems);
        }
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();
}
