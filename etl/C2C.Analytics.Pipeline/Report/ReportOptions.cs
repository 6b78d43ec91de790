namespace C2C.Analytics.Pipeline.Report;

/// <summary>
/// Configuration section <c>Report</c>: the reporting currency and its rate table, which stages mean signature,
/// milestone, invoice and payment, the windows of the action queue and the cash figures, and where the dashboard goes.
/// Validated at start by <see cref="ReportOptionsValidator"/>.
/// </summary>
public sealed class ReportOptions
{
    public const string SectionName = "Report";

    /// <summary>The ISO 4217 code every total is summed in (default USD).</summary>
    public string ReportingCurrency { get; set; } = "USD";

    /// <summary>
    /// A CSV of dated rates (<c>date,currency,rate</c>: one unit of the currency is worth <c>rate</c> units of the
    /// reporting currency from that date on). Without it only amounts already in the reporting currency are summed.
    /// </summary>
    public string? RatesFile { get; set; }

    /// <summary>Which stage keys mean signature, milestone accepted, invoice sent and payment received.</summary>
    public CashStageOptions CashStages { get; set; } = new();

    /// <summary>The action queue lists a reminder due within this many business days of the as-of date.</summary>
    public int ReminderWindowBusinessDays { get; set; } = 2;

    /// <summary>A stage completed within this many days with a gate violation or without evidence is an action.</summary>
    public int RecentCompletionDays { get; set; } = 30;

    /// <summary>The trailing period (days, ending on the as-of date) of DSO, days to pay and contract-to-cash days.</summary>
    public int CashPeriodDays { get; set; } = 90;

    /// <summary>The most urgent actions the dashboard's queue table holds (the owner task lists hold every action).</summary>
    public int QueueRows { get; set; } = 500;

    /// <summary>Where <c>c2c report</c> and <c>c2c run</c> write the dashboard; default <c>&lt;data&gt;/report</c>.</summary>
    public string? OutputDirectory { get; set; }
}
