using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Report;

/// <summary>
/// The stages the cash figures read (<c>Report:CashStages</c>). A key left unset takes the default catalog's stage
/// (<c>sow_executed</c>, <c>milestone_accepted</c>, <c>invoice_sent</c>, <c>payment_received</c>) when the configured
/// lifecycle has it, and is left out otherwise; a key that is set must name a configured stage.
/// </summary>
public sealed class CashStageOptions
{
    public static IReadOnlyList<(string CashEvent, string DefaultKey)> Defaults { get; } =
    [
        ("signature", "sow_executed"),
        ("milestone", "milestone_accepted"),
        ("invoice", "invoice_sent"),
        ("payment", "payment_received"),
    ];

    /// <summary>Contract signed (start of contract-to-cash days).</summary>
    public string? Signature { get; set; }

    /// <summary>Milestone accepted: billable (unbilled backlog until the invoice is sent).</summary>
    public string? MilestoneAccepted { get; set; }

    /// <summary>Invoice sent (payment backlog and AR until paid).</summary>
    public string? Invoice { get; set; }

    /// <summary>Payment received.</summary>
    public string? Payment { get; set; }

    /// <summary>The configured key of a cash event, or null when unset.</summary>
    public string? Configured(string cashEvent) => cashEvent switch
    {
        "signature" => Signature,
        "milestone" => MilestoneAccepted,
        "invoice" => Invoice,
        "payment" => Payment,
        _ => throw new ArgumentOutOfRangeException(nameof(cashEvent), cashEvent, "Not a cash event."),
    };

    /// <summary>(cash event, stage key) for every event that maps to a configured stage.</summary>
    public IReadOnlyList<(string CashEvent, string StageKey)> Resolve(IReadOnlyList<ResolvedStage> stages)
    {
        var keys = stages.Select(s => s.Definition.Key).ToHashSet(StringComparer.Ordinal);
        var resolved = new List<(string, string)>();
        foreach (var (cashEvent, defaultKey) in Defaults)
        {
            var key = string.IsNullOrWhiteSpace(Configured(cashEvent)) ? defaultKey : Configured(cashEvent)!.Trim();
            if (keys.Contains(key))
            {
                resolved.Add((cashEvent, key));
            }
        }

        return resolved;
    }
}
