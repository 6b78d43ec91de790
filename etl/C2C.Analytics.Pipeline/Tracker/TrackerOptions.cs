namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>The tracker mapping: configuration section <c>Tracker</c>. Validated at start by <see cref="TrackerOptionsValidator"/>.</summary>
public sealed class TrackerOptions
{
    public const string SectionName = "Tracker";

    public TrackerColumns Columns { get; set; } = new();

    /// <summary>The lifecycle, in order. Null means <see cref="DefaultStages"/>.</summary>
    public List<StageDefinition>? Stages { get; set; }

    /// <summary>A tracker handed over as a CSV or XLSX export instead of read from Smartsheet (<c>Tracker:Export</c>).</summary>
    public TrackerExportOptions Export { get; set; } = new();

    /// <summary>Tracker status texts → canonical status (<see cref="StageStatus"/>). Null means the defaults.</summary>
    public Dictionary<string, string>? StatusTexts { get; set; }

    /// <summary>Aging buckets, the due-soon window and the stuck rule of the lifecycle facts.</summary>
    public LifecycleMetricOptions Metrics { get; set; } = new();

    public IReadOnlyList<StageDefinition> EffectiveStages => Stages is { Count: > 0 } ? Stages : DefaultStages();

    public IReadOnlyDictionary<string, string> EffectiveStatusTexts => StatusTexts is { Count: > 0 }
        ? new Dictionary<string, string>(StatusTexts, StringComparer.OrdinalIgnoreCase)
        : StageStatus.DefaultTexts();

    /// <summary>The Contract-to-Cash lifecycle of the design: intake → SOW → PO → kickoff → milestone → invoice → payment.</summary>
    public static List<StageDefinition> DefaultStages() =>
    [
        new() { Key = "intake", Name = "Intake", OwnerRole = "Sales", SlaBusinessDays = 2, Prerequisites = [] },
        new() { Key = "sow_executed", Name = "SOW Executed", OwnerRole = "Sales", SlaBusinessDays = 10 },
        new() { Key = "po_received", Name = "PO Received", OwnerRole = "Finance", SlaBusinessDays = 10 },
        new() { Key = "kickoff", Name = "Kickoff", OwnerRole = "Delivery", SlaBusinessDays = 5 },
        new() { Key = "milestone_accepted", Name = "Milestone Accepted", OwnerRole = "Delivery", SlaBusinessDays = 30 },
        new() { Key = "invoice_sent", Name = "Invoice Sent", OwnerRole = "Finance", SlaBusinessDays = 3 },
        new() { Key = "payment_received", Name = "Payment Received", OwnerRole = "Finance", SlaBusinessDays = 30 },
    ];
}
