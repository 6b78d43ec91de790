namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>
/// The canonical stage statuses the warehouse uses, and the tracker texts that map to them (matched case- and
/// space-insensitively). A text that maps to none is an unknown status: the row is rejected.
/// </summary>
public static class StageStatus
{
    public const string NotStarted = "not_started";
    public const string InProgress = "in_progress";
    public const string Complete = "complete";
    public const string NotApplicable = "not_applicable";
    public const string Blocked = "blocked";

    public static Dictionary<string, string> DefaultTexts() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Not Started"] = NotStarted,
        ["Pending"] = NotStarted,
        ["In Progress"] = InProgress,
        ["Waiting"] = InProgress,
        ["Complete"] = Complete,
        ["Completed"] = Complete,
        ["Done"] = Complete,
        ["N/A"] = NotApplicable,
        ["NA"] = NotApplicable,
        ["Not Applicable"] = NotApplicable,
        ["Blocked"] = Blocked,
        ["On Hold"] = Blocked,
    };
}
