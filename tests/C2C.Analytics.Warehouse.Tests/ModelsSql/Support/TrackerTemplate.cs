namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

/// <summary>One configured tracker column, as the pipeline writes it into cfg_tracker_column.</summary>
internal sealed record ConfiguredColumn(string Title, string Field, string? StageKey = null, string? OwnerRole = null);

/// <summary>One configured stage, as the pipeline writes it into cfg_stage.</summary>
internal sealed record ConfiguredStage(
    string Key, string Name, int Order, string OwnerRole, int SlaBusinessDays, int ReminderCadence, string[] Prerequisites,
    string? EvidenceAttachmentLike = null);

/// <summary>
/// The tracker configuration the model tests use: the pipeline's default key columns and owner roles, and three
/// stages (intake, SOW executed, kickoff) with "&lt;Name&gt; Status/Date/Evidence/Notes" columns. The intake stage's date
/// column is "Intake Completed" so that it does not share the key column "Intake Date".
/// </summary>
internal static class TrackerTemplate
{
    public static readonly ConfiguredStage[] Stages =
    [
        new("intake", "Intake", 1, "Sales", 2, 5, []),
        new("sow_executed", "SOW Executed", 2, "Sales", 10, 5, ["intake"]),
        new("kickoff", "Kickoff", 3, "Delivery", 5, 5, ["sow_executed"]),
    ];

    /// <summary>The default status texts of the pipeline (StageStatus.DefaultTexts), lower-cased as the pipeline writes them.</summary>
    public static readonly (string Text, string Status)[] StatusTexts =
    [
        ("not started", "not_started"), ("pending", "not_started"), ("in progress", "in_progress"), ("waiting", "in_progress"),
        ("complete", "complete"), ("completed", "complete"), ("done", "complete"), ("n/a", "not_applicable"),
        ("na", "not_applicable"), ("not applicable", "not_applicable"), ("blocked", "blocked"), ("on hold", "blocked"),
    ];

    public static List<ConfiguredColumn> Columns()
    {
        List<ConfiguredColumn> columns =
        [
            new("Opportunity ID", "opportunity_id"),
            new("Engagement", "engagement_name"),
            new("Account", "account"),
            new("Region", "region"),
            new("Contract Value", "contract_value"),
            new("Currency", "currency"),
            new("Intake Date", "intake_date"),
            new("Payment Terms", "payment_terms"),
            new("Sales Owner", "owner", OwnerRole: "Sales"),
            new("Delivery Owner", "owner", OwnerRole: "Delivery"),
            new("Finance Owner", "owner", OwnerRole: "Finance"),
        ];
        foreach (var stage in Stages)
        {
            columns.Add(new($"{stage.Name} Status", "stage_status", stage.Key));
            columns.Add(new(stage.Key == "intake" ? "Intake Completed" : $"{stage.Name} Date", "stage_date", stage.Key));
            columns.Add(new($"{stage.Name} Evidence", "stage_evidence", stage.Key));
            columns.Add(new($"{stage.Name} Notes", "stage_notes", stage.Key));
        }

        return columns;
    }

    /// <summary>Every configured title, in configuration order: the columns of a sheet made from the template.</summary>
    public static string[] Titles => [.. Columns().Select(c => c.Title)];
}
