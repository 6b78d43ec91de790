using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>The marts on a warehouse without a single engagement or opportunity: they build, and say "nothing".</summary>
public sealed class EmptyMartsTests
{
    [Fact]
    public void Every_mart_builds_on_empty_core_tables()
    {
        using var connection = new MartScenario(new DateOnly(2025, 9, 30)).Build();
        // Stage-shaped marts keep one zero row per stage (4), or per stage and bucket (16); AR aging its six buckets.
        Assert.Equal(["sow_executed | 0 | 0.00", "milestone_accepted | 0 | 0.00", "invoice_sent | 0 | 0.00", "payment_received | 0 | 0.00"],
            connection.Lines("SELECT stage_key, engagement_count, contract_value_reporting FROM mart_pipeline_by_stage ORDER BY stage_order"));
        Assert.Equal(16, connection.Count("SELECT * FROM mart_stage_aging"));
        Assert.Equal(6, connection.Count("SELECT * FROM mart_ar_aging"));
        foreach (var empty in new[]
        {
            "mart_sla_compliance_by_stage", "mart_sla_compliance_by_month", "mart_cycle_time_by_month", "mart_throughput",
            "mart_action_queue", "mart_actions_by_team", "mart_weighted_pipeline", "mart_win_rate", "mart_currency_exception",
            "mart_engagement_cash", "mart_opportunity_value",
            "mart_opportunity_stage_duration", "mart_opportunity_stage_conversion", "mart_reconciliation_exception",
        })
        {
            Assert.Equal(0, connection.Count($"SELECT * FROM {empty}"));
        }

        Assert.Equal(
            "0 | 0.00 | 0 | 0 | NULL | NULL | NULL | 0",
            connection.Scalar("""
                SELECT engagement_count, payment_backlog_reporting, overdue_stage_count, open_stage_count, sla_compliance_this_month_pct,
                    sla_compliance_last_month_pct, contract_to_cash_days_median, action_count
                FROM mart_headline
                """));
        Assert.Equal("NULL", connection.Scalar("SELECT dso_days FROM mart_cash_position"));
    }
}
