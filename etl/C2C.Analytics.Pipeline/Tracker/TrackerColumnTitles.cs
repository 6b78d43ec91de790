namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>
/// The column titles the mapping looks for (the same list <c>cfg_tracker_column</c> holds), trimmed, for the checks a
/// source makes before landing: does a sheet have the template's columns, which columns hold dates.
/// </summary>
public static class TrackerColumnTitles
{
    /// <summary>Every configured title, once (compared case-insensitively, as the staging models match them).</summary>
    public static IReadOnlyList<string> All(TrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var columns = options.Columns;
        IEnumerable<string> titles =
        [
            columns.OpportunityId, columns.EngagementName, columns.Account, columns.Region, columns.ContractValue,
            columns.Currency, columns.IntakeDate, columns.PaymentTerms, .. columns.Owners.Values,
            .. options.EffectiveStages.SelectMany(s => new[] { s.StatusColumnTitle, s.DateColumnTitle, s.EvidenceColumnTitle, s.NotesColumnTitle }),
        ];
        return titles.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>The titles of the columns that hold dates: the intake date and every stage's date.</summary>
    public static IReadOnlySet<string> Dates(TrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.EffectiveStages.Select(s => s.DateColumnTitle).Append(options.Columns.IntakeDate)
            .Select(t => t.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The configured titles a sheet with these column titles lacks, in configuration order.</summary>
    public static IReadOnlyList<string> Missing(TrackerOptions options, IEnumerable<string> sheetTitles)
    {
        var present = sheetTitles.Select(t => t.Trim()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return All(options).Where(t => !present.Contains(t)).ToList();
    }
}
