using System.Text.RegularExpressions;

namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>The tracker configuration is wrong; every problem found is listed.</summary>
public sealed class TrackerConfigurationException(IReadOnlyList<string> problems)
    : Exception("The tracker configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>Checks the stage catalog and column mapping at start, so a wrong configuration never reaches the data.</summary>
public static partial class TrackerOptionsValidator
{
    private static readonly string[] Canonical =
        [StageStatus.NotStarted, StageStatus.InProgress, StageStatus.Complete, StageStatus.NotApplicable, StageStatus.Blocked];

    /// <summary>The stages with every prerequisite resolved (null → the previous stage).</summary>
    public static IReadOnlyList<ResolvedStage> Validate(TrackerOptions options)
    {
        var problems = new List<string>();
        var stages = options.EffectiveStages;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in stages)
        {
            if (!StageKey().IsMatch(stage.Key))
            {
                problems.Add($"Stage '{stage.Key}': the key must be lower case letters, digits and underscores, starting with a letter.");
            }

            if (!keys.Add(stage.Key))
            {
                problems.Add($"Stage '{stage.Key}' is defined twice.");
            }

            if (string.IsNullOrWhiteSpace(stage.Name))
            {
                problems.Add($"Stage '{stage.Key}' has no name.");
            }

            if (!options.Columns.Owners.ContainsKey(stage.OwnerRole))
            {
                problems.Add($"Stage '{stage.Key}': owner role '{stage.OwnerRole}' is not one of the owner columns ({string.Join(", ", options.Columns.Owners.Keys)}).");
            }

            if (stage.SlaBusinessDays < 0)
            {
                problems.Add($"Stage '{stage.Key}': the SLA must be zero or more business days.");
            }

            if (stage.ReminderCadenceBusinessDays <= 0)
            {
                problems.Add($"Stage '{stage.Key}': the reminder cadence must be at least one business day.");
            }
        }

        var resolved = new List<ResolvedStage>();
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var prerequisites = stage.Prerequisites ?? (i == 0 ? [] : [stages[i - 1].Key]);
            foreach (var prerequisite in prerequisites.Where(p => !keys.Contains(p)))
            {
                problems.Add($"Stage '{stage.Key}': prerequisite '{prerequisite}' is not a stage.");
            }

            resolved.Add(new ResolvedStage(stage, i + 1, prerequisites));
        }

        var cycle = FindCycle(resolved);
        if (cycle is not null)
        {
            problems.Add($"The stage prerequisites form a cycle: {string.Join(" → ", cycle)}.");
        }

        var titles = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Title(string title, string use)
        {
            if (string.IsNullOrWhiteSpace(title))
            {
                problems.Add($"{use}: no column title is configured.");
            }
            else if (!titles.TryAdd(title.Trim(), use))
            {
                problems.Add($"Column title '{title}' is used for both {titles[title.Trim()]} and {use}.");
            }
        }

        var columns = options.Columns;
        Title(columns.OpportunityId, "the opportunity ID");
        Title(columns.EngagementName, "the engagement name");
        Title(columns.Account, "the account");
        Title(columns.Region, "the region");
        Title(columns.ContractValue, "the contract value");
        Title(columns.Currency, "the currency");
        Title(columns.IntakeDate, "the intake date");
        Title(columns.PaymentTerms, "the payment terms");
        foreach (var (role, title) in columns.Owners)
        {
            Title(title, $"the {role} owner");
        }

        foreach (var stage in stages)
        {
            Title(stage.StatusColumnTitle, $"stage '{stage.Key}' status");
            // A stage may take its date from the intake-date column (the default intake stage does: its date is the
            // intake date); any other shared title is a mistake.
            if (!string.Equals(stage.DateColumnTitle.Trim(), columns.IntakeDate?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                Title(stage.DateColumnTitle, $"stage '{stage.Key}' date");
            }
            Title(stage.EvidenceColumnTitle, $"stage '{stage.Key}' evidence");
            Title(stage.NotesColumnTitle, $"stage '{stage.Key}' notes");
            if (stage.EvidenceAttachment is { } pattern && string.IsNullOrWhiteSpace(pattern))
            {
                problems.Add($"Stage '{stage.Key}': EvidenceAttachment is empty; leave it out, or use * for any attachment.");
            }
        }

        foreach (var (text, status) in options.EffectiveStatusTexts.Where(p => !Canonical.Contains(p.Value)))
        {
            problems.Add($"Status text '{text}' maps to '{status}', which is not one of {string.Join(", ", Canonical)}.");
        }

        ValidateMetrics(options.Metrics, problems);
        if (problems.Count > 0)
        {
            throw new TrackerConfigurationException(problems);
        }

        return resolved;
    }

    private static void ValidateMetrics(LifecycleMetricOptions metrics, List<string> problems)
    {
        var bounds = metrics.EffectiveAgingBucketUpperBounds;
        for (var i = 0; i < bounds.Count; i++)
        {
            if (bounds[i] < 0 || (i > 0 && bounds[i] <= bounds[i - 1]))
            {
                problems.Add($"Metrics:AgingBucketUpperBounds must be ascending business-day counts of 0 or more; got {string.Join(", ", bounds)}.");
                break;
            }
        }

        if (metrics.DueSoonBusinessDays < 0)
        {
            problems.Add($"Metrics:DueSoonBusinessDays must be 0 or more; got {metrics.DueSoonBusinessDays}.");
        }

        if (metrics.StuckSlaMultiple < 1)
        {
            problems.Add($"Metrics:StuckSlaMultiple must be at least 1 (a stage cannot be stuck before it is overdue); got {metrics.StuckSlaMultiple}.");
        }
    }

    private static List<string>? FindCycle(List<ResolvedStage> stages)
    {
        var byKey = stages.GroupBy(s => s.Definition.Key).ToDictionary(g => g.Key, g => g.First());
        var state = new Dictionary<string, int>(); // 1 = on the path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string key)
        {
            if (!byKey.TryGetValue(key, out var stage))
            {
                return null;
            }

            if (state.GetValueOrDefault(key) == 1)
            {
                return [.. path[path.IndexOf(key)..], key];
            }

            if (state.GetValueOrDefault(key) == 2)
            {
                return null;
            }

            state[key] = 1;
            path.Add(key);
            foreach (var prerequisite in stage.Prerequisites)
            {
                if (Visit(prerequisite) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[key] = 2;
            return null;
        }

        return stages.Select(s => Visit(s.Definition.Key)).FirstOrDefault(c => c is not null);
    }

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex StageKey();
}

/// <summary>A validated stage: its definition, its 1-based order and its resolved prerequisites.</summary>
public sealed record ResolvedStage(StageDefinition Definition, int Order, IReadOnlyList<string> Prerequisites);
