namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// How long a stage takes in the sample (business days after activation, log-normal), how often it is N/A, and whether
/// it is a payment (then the duration is the payment terms in calendar days plus how late the customer pays). PO
/// Received and Payment Received are the bottlenecks: slower than their SLA, with long tails.
/// </summary>
internal sealed record StageProfile(double MedianBusinessDays, double Sigma, double NotApplicableChance, bool FollowsPaymentTerms)
{
    public static StageProfile For(string key, int slaBusinessDays) => key switch
    {
        "intake" => new(1, 0.6, 0, false),
        "sow_executed" => new(7, 0.5, 0, false),
        "po_received" => new(15, 0.75, 0.10, false),
        "kickoff" => new(4, 0.45, 0, false),
        "milestone_accepted" => new(24, 0.45, 0.03, false),
        "invoice_sent" => new(2, 0.5, 0, false),
        "payment_received" => new(12, 0.8, 0, true),
        _ => new(Math.Max(1, slaBusinessDays * 0.7), 0.5, 0, false),
    };
}
