namespace C2C.Analytics.PowerBi.Tests.Support;

/// <summary>
/// Every measure of tables/metrics.tmdl written again in SQL (see <see cref="MeasureMirror"/>), with the marts that publish
/// the same figure. Each mirror follows its DAX step by step: the filters of CALCULATE become WHERE, the relationship the
/// DAX uses (active on completed_date_key, USERELATIONSHIP on as_of_date_key, close_date) becomes the key the rows are
/// grouped by, a LOOKUPVALUE becomes a join. The marts compute the figures their own way (aggregates over intermediate
/// models); equal figures at every grain are the check that both say the same.
/// </summary>
public static class MeasureMirrors
{
    private const string Stages = "SELECT * FROM fct_engagement_stage";
    private const string Month = "date_trunc('month', completed_on)::DATE";
    private const string Measured = "SELECT * FROM fct_engagement_stage WHERE sla_status IN ('met', 'missed')";
    private const string Open = "SELECT * FROM fct_engagement_stage WHERE status = 'open'";
    private const string Cash = "SELECT * FROM mart_engagement_cash";
    private const string CashPeriod = "SELECT * FROM mart_engagement_cash WHERE {0} > as_of - cash_period_days";
    private const string OpenOpportunities = "SELECT * FROM mart_opportunity_value WHERE NOT is_closed AND close_date IS NOT NULL";
    private const string Closed = "SELECT * FROM mart_opportunity_value WHERE is_closed AND close_date <= as_of";
    private const string CloseMonth = "date_trunc('month', close_date)::DATE";

    /// <summary>The stays in a stage (stage changes) of the opportunities not deleted, as the stage measures filter them.</summary>
    private const string Stays = """
        SELECT history.opportunity_id, history.stage_name, history.next_stage_name, history.stage_exited_at, history.stage_duration_days
        FROM fct_opportunity_stage_history AS history
        JOIN fct_opportunity AS opportunity ON opportunity.opportunity_id = history.opportunity_id
        WHERE history.is_stage_change AND NOT history.is_deleted AND NOT opportunity.is_deleted
        """;

    /// <summary>Each current engagement's current stage, as current_stage_key finds it: the lowest order among its open stages, else among its waiting ones.</summary>
    private const string CurrentStages = """
        WITH orders AS (
            SELECT deal_id,
                min(stage_order) FILTER (WHERE status = 'open') AS open_order,
                min(stage_order) FILTER (WHERE status = 'waiting') AS waiting_order
            FROM fct_engagement_stage GROUP BY deal_id)
        SELECT engagement.deal_id, fact.stage_key, cash.contract_value_reporting, cash.has_rate
        FROM dim_engagement AS engagement
        JOIN orders ON orders.deal_id = engagement.deal_id
        JOIN fct_engagement_stage AS fact ON fact.deal_id = orders.deal_id AND fact.stage_order = coalesce(orders.open_order, orders.waiting_order)
        LEFT JOIN mart_engagement_cash AS cash ON cash.deal_id = engagement.deal_id
        """;

    private static readonly MirrorGrain Headline = new("mart_headline", null, [], []);
    private static readonly MirrorGrain StageDuration = new("mart_opportunity_stage_duration", null, ["stage_name"], ["stage_name"]);
    private static readonly MirrorGrain StageConversion = new("mart_opportunity_stage_conversion", null,
        ["from_stage_name", "to_stage_name"], ["stage_name", "next_stage_name"], "next_stage_name IS NOT NULL");
    private static readonly MirrorGrain CashPosition = new("mart_cash_position", null, [], []);
    private static readonly MirrorGrain Bottleneck = new("mart_bottleneck", null, ["stage_key"], ["stage_key"]);
    private static readonly MirrorGrain StageAging = new("mart_stage_aging", null, ["stage_key", "aging_bucket"], ["stage_key", "aging_bucket"]);
    private static readonly MirrorGrain SlaByStage = new("mart_sla_compliance_by_stage", null, ["stage_key", "completed_month"], ["stage_key", Month]);
    private static readonly MirrorGrain SlaByMonth = new("mart_sla_compliance_by_month", null, ["completed_month"], [Month]);
    private static readonly MirrorGrain CycleByMonth = new("mart_cycle_time_by_month", null, ["stage_key", "completed_month"], ["stage_key", Month]);

    /// <summary>mart_cycle_time_by_stage: the measure under a date filter on the twelve months up to the as-of date.</summary>
    private static readonly MirrorGrain CycleByStage = new("mart_cycle_time_by_stage", null, ["stage_key"], ["stage_key"],
        "completed_on > as_of - INTERVAL 12 MONTH AND completed_on <= as_of");

    /// <summary>Team through the relationship mart_action_queue.owner_id → dim_owner; a stage nobody holds has no team.</summary>
    private static readonly MirrorGrain ActionsByTeam = new("mart_actions_by_team", null, ["team", "action"], ["owner_team", "action"]);

    private const string Actions =
        "SELECT queue.*, coalesce(owner.team, 'Unassigned') AS owner_team FROM mart_action_queue AS queue LEFT JOIN dim_owner AS owner ON owner.owner_id = queue.owner_id";

    private static readonly MirrorGrain WeightedPipeline = new("mart_weighted_pipeline", null, ["close_month"], [CloseMonth]);
    private static readonly MirrorGrain WinRate = new("mart_win_rate", null, ["close_month"], [CloseMonth]);

    public static readonly IReadOnlyList<MeasureMirror> All =
    [
        new("engagement_count", FigureKind.Count, true, "SELECT * FROM dim_engagement", "count(*)", Headline),
        new("pipeline_engagement_count", FigureKind.Count, true, CurrentStages, "count(*)",
            new MirrorGrain("mart_pipeline_by_stage", "engagement_count", ["stage_key"], ["stage_key"])),
        new("pipeline_contract_value_reporting", FigureKind.Amount, true, CurrentStages + " WHERE cash.has_rate", "sum(contract_value_reporting)",
            new MirrorGrain("mart_pipeline_by_stage", "contract_value_reporting", ["stage_key"], ["stage_key"])),
        new("currency_exception_count", FigureKind.Count, true, "SELECT * FROM mart_currency_exception", "count(*)", Headline),

        new("open_stage_count", FigureKind.Count, true, Open, "count(*)", Headline, Bottleneck, StageAging),
        new("overdue_stage_count", FigureKind.Count, true, Stages + " WHERE sla_status = 'overdue'", "count(*)", Headline, Bottleneck, StageAging),
        new("stuck_stage_count", FigureKind.Count, true, Stages + " WHERE is_stuck", "count(*)", Headline, Bottleneck, StageAging),
        new("overdue_bd_total", FigureKind.Count, true, Open, "sum(overdue_bd)", Bottleneck),
        new("value_waiting_reporting", FigureKind.Amount, true,
            "SELECT fact.*, cash.contract_value_reporting AS engagement_value FROM fct_engagement_stage AS fact " +
            "LEFT JOIN mart_engagement_cash AS cash ON cash.deal_id = fact.deal_id WHERE fact.status = 'open'",
            "sum(engagement_value)", Bottleneck, StageAging),

        new("met_count", FigureKind.Count, true, Stages + " WHERE sla_status = 'met'", "count(*)", SlaByStage, SlaByMonth),
        new("missed_count", FigureKind.Count, true, Stages + " WHERE sla_status = 'missed'", "count(*)", SlaByStage, SlaByMonth),
        new("sla_compliance_pct", FigureKind.OneDecimal, false, Measured,
            "100.0 * count(*) FILTER (WHERE sla_status = 'met') / nullif(count(*), 0)", SlaByStage, SlaByMonth),
        new("sla_compliance_this_month_pct", FigureKind.OneDecimal, false,
            Measured + " AND date_trunc('month', completed_on) = date_trunc('month', as_of)",
            "100.0 * count(*) FILTER (WHERE sla_status = 'met') / nullif(count(*), 0)", Headline),
        new("sla_compliance_last_month_pct", FigureKind.OneDecimal, false,
            Measured + " AND date_trunc('month', completed_on) = date_trunc('month', as_of) - INTERVAL 1 MONTH",
            "100.0 * count(*) FILTER (WHERE sla_status = 'met') / nullif(count(*), 0)", Headline),

        new("measured_count", FigureKind.Count, true, Measured, "count(*)", CycleByMonth, CycleByStage),
        new("cycle_time_bd_avg", FigureKind.OneDecimal, false, Measured, "avg(cycle_time_bd)", CycleByMonth, CycleByStage),
        new("cycle_time_bd_median", FigureKind.OneDecimal, false, Measured, "median(cycle_time_bd)", CycleByMonth, CycleByStage),
        new("cycle_time_bd_p90", FigureKind.OneDecimal, false, Measured, "quantile_cont(cycle_time_bd, 0.9)", CycleByMonth, CycleByStage),
        new("completed_count", FigureKind.Count, true, Stages + " WHERE status = 'complete' AND completed_on IS NOT NULL", "count(*)",
            new MirrorGrain("mart_throughput", null, ["stage_key", "week_start"], ["stage_key", "date_trunc('week', completed_on)::DATE"])),
        new("gate_violation_count", FigureKind.Count, true, Stages + " WHERE gate_violation", "count(*)"),

        new("action_count", FigureKind.Count, true, Actions, "count(*)", Headline, ActionsByTeam),
        new("action_overdue_bd_total", FigureKind.Count, true, Actions, "sum(overdue_bd)",
            ActionsByTeam with { MartColumn = "overdue_bd_total" }),
        new("value_reporting", FigureKind.Amount, true, Actions + " WHERE has_rate", "sum(contract_value_reporting)", ActionsByTeam),
        new("reminder_due_count", FigureKind.Count, true, Actions + " WHERE is_reminder_due", "count(*)"),

        new("unbilled_count", FigureKind.Count, true, Cash + " WHERE is_unbilled", "count(*)", CashPosition),
        new("unbilled_backlog_reporting", FigureKind.Amount, true, Cash + " WHERE is_unbilled AND has_rate", "sum(contract_value_reporting)", CashPosition),
        new("unbilled_unconverted_count", FigureKind.Count, true, Cash + " WHERE is_unbilled AND NOT has_rate", "count(*)", CashPosition),
        new("payment_backlog_count", FigureKind.Count, true, Cash + " WHERE is_awaiting_payment", "count(*)", CashPosition, Headline,
            new MirrorGrain("mart_ar_aging", "invoice_count", ["ar_aging_bucket"], ["ar_aging_bucket"])),
        new("payment_backlog_reporting", FigureKind.Amount, true, Cash + " WHERE is_awaiting_payment AND has_rate", "sum(contract_value_reporting)",
            CashPosition, Headline, new MirrorGrain("mart_ar_aging", "amount_reporting", ["ar_aging_bucket"], ["ar_aging_bucket"])),
        new("payment_backlog_unconverted_count", FigureKind.Count, true, Cash + " WHERE is_awaiting_payment AND NOT has_rate", "count(*)", CashPosition, Headline),
        new("billings_count", FigureKind.Count, true, string.Format(null, CashPeriod, "invoiced_on"), "count(*)", CashPosition),
        new("billings_reporting", FigureKind.Amount, true, string.Format(null, CashPeriod, "invoiced_on") + " AND has_rate", "sum(contract_value_reporting)", CashPosition),
        new("billings_unconverted_count", FigureKind.Count, true, string.Format(null, CashPeriod, "invoiced_on") + " AND NOT has_rate", "count(*)", CashPosition),
        new("dso_days", FigureKind.OneDecimal, false, Cash,
            "CASE WHEN sum(contract_value_reporting) FILTER (WHERE invoiced_on > as_of - cash_period_days AND has_rate) > 0 THEN " +
            "coalesce(sum(contract_value_reporting) FILTER (WHERE is_awaiting_payment AND has_rate), 0) " +
            "/ sum(contract_value_reporting) FILTER (WHERE invoiced_on > as_of - cash_period_days AND has_rate) * max(cash_period_days) END",
            CashPosition),
        new("paid_count", FigureKind.Count, true, string.Format(null, CashPeriod, "paid_on"), "count(*)", CashPosition),
        new("days_to_pay_avg", FigureKind.OneDecimal, false, string.Format(null, CashPeriod, "paid_on"), "avg(days_to_pay)", CashPosition),
        new("contract_to_cash_days_avg", FigureKind.OneDecimal, false, string.Format(null, CashPeriod, "paid_on"), "avg(contract_to_cash_days)", CashPosition),
        new("contract_to_cash_days_median", FigureKind.OneDecimal, false, string.Format(null, CashPeriod, "paid_on"), "median(contract_to_cash_days)",
            CashPosition, Headline),

        new("opportunity_count", FigureKind.Count, true, OpenOpportunities, "count(*)", WeightedPipeline),
        new("pipeline_amount_reporting", FigureKind.Amount, true, OpenOpportunities + " AND has_rate", "sum(amount_reporting)", WeightedPipeline),
        new("weighted_pipeline_reporting", FigureKind.Amount, true, OpenOpportunities + " AND has_rate",
            "sum(amount_reporting * coalesce(probability, 0) / 100)", WeightedPipeline),
        new("won_count", FigureKind.Count, true, Closed + " AND is_won", "count(*)", WinRate),
        new("lost_count", FigureKind.Count, true, Closed + " AND NOT is_won", "count(*)", WinRate),
        new("won_amount_reporting", FigureKind.Amount, true, Closed + " AND is_won AND has_rate", "sum(amount_reporting)", WinRate),
        new("lost_amount_reporting", FigureKind.Amount, true, Closed + " AND NOT is_won AND has_rate", "sum(amount_reporting)", WinRate),
        new("win_rate_by_count_pct", FigureKind.OneDecimal, false, Closed, "100.0 * count(*) FILTER (WHERE is_won) / nullif(count(*), 0)", WinRate),
        new("win_rate_by_amount_pct", FigureKind.OneDecimal, false, Closed,
            "CASE WHEN coalesce(sum(amount_reporting) FILTER (WHERE has_rate), 0) > 0 THEN " +
            "100.0 * coalesce(sum(amount_reporting) FILTER (WHERE is_won AND has_rate), 0) / sum(amount_reporting) FILTER (WHERE has_rate) END",
            WinRate),
        new("sales_cycle_days_avg", FigureKind.OneDecimal, false, Closed + " AND is_won",
            "avg(close_date - CAST(created_at AS DATE))", WinRate),
        new("entered_count", FigureKind.Count, false, Stays, "count(DISTINCT opportunity_id)", StageDuration),
        new("completed_stay_count", FigureKind.Count, true, Stays + " AND history.stage_exited_at IS NOT NULL", "count(*)", StageDuration),
        new("stage_duration_days_avg", FigureKind.OneDecimal, false, Stays + " AND history.stage_exited_at IS NOT NULL",
            "avg(stage_duration_days)", StageDuration),
        new("stage_duration_days_median", FigureKind.OneDecimal, false, Stays + " AND history.stage_exited_at IS NOT NULL",
            "median(stage_duration_days)", StageDuration),
        new("open_stay_count", FigureKind.Count, true, Stays + " AND history.stage_exited_at IS NULL AND history.stage_duration_days IS NOT NULL",
            "count(*)", StageDuration),
        new("open_stay_days_avg", FigureKind.OneDecimal, false, Stays + " AND history.stage_exited_at IS NULL", "avg(stage_duration_days)", StageDuration),
        new("converted_count", FigureKind.Count, false, Stays + " AND history.next_stage_name IS NOT NULL", "count(DISTINCT opportunity_id)", StageConversion),
        // The denominator is entered_count without the next stage's filter (REMOVEFILTERS): at one stage, that stage's
        // entered opportunities (carried on each row); over several stages, all of them.
        new("stage_conversion_pct", FigureKind.OneDecimal, false,
            $"SELECT stays.*, entered.stage_entered_count FROM ({Stays}) AS stays JOIN (SELECT stage_name, count(DISTINCT opportunity_id) AS stage_entered_count FROM ({Stays}) GROUP BY stage_name) AS entered USING (stage_name)",
            "100.0 * count(DISTINCT opportunity_id) FILTER (WHERE next_stage_name IS NOT NULL) / " +
            $"CASE WHEN count(DISTINCT stage_name) = 1 THEN max(stage_entered_count) ELSE (SELECT count(DISTINCT opportunity_id) FROM ({Stays})) END",
            StageConversion),
    ];

    /// <summary>
    /// Numeric mart columns that are not figures of their own, and why. Every other numeric column of a mart the model
    /// leaves out must be the figure of a measure (a grain above).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> NotMeasures = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["stage_order"] = "the order of dim_stage, which sorts stage_name and stage_key",
        ["aging_bucket_order"] = "sorts fct_engagement_stage.aging_bucket",
        ["ar_aging_bucket_order"] = "sorts mart_engagement_cash.ar_aging_bucket",
        ["action_priority"] = "sorts mart_action_queue.action",
        ["bottleneck_rank"] = "the order of the bottleneck table: sort it by overdue_stage_count, overdue_bd_total, value_waiting_reporting",
        ["sla_bd"] = "a stage's setting: dim_stage.sla_bd",
        ["cash_period_days"] = "a setting (Report:CashPeriodDays): mart_engagement_cash.cash_period_days",
        ["stage_probability"] = "sorts mart_opportunity_stage_duration.stage_name: the median probability recorded with the stage",
        ["unconverted_count"] = "the rows a total leaves out for want of a rate: every row the model holds carries has_rate, and mart_currency_exception lists them (currency_exception_count)",
    };
}
