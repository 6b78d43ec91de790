using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>SLA compliance and cycle time on <see cref="MartPortfolio"/>.</summary>
public sealed class SlaAndCycleTimeMartTests(MartFixture fixture) : IClassFixture<MartFixture>
{
    [Fact]
    public void Sla_compliance_by_stage_counts_measured_completions_per_month()
    {
        // invoice_sent 2025-07: A missed (07-10), L met (07-17) → 1/1 = 50.0 %. milestone 2025-08: B missed → 0.0 %.
        // payment 2025-09: L missed → 0.0 %. G's milestone (gate violation) has no SLA result and is in no row.
        var rows = fixture.Connection.Lines("""
            SELECT stage_key, completed_month, met_count, missed_count, sla_compliance_pct FROM mart_sla_compliance_by_stage
            WHERE missed_count > 0 ORDER BY completed_month, stage_order
            """);
        Assert.Equal(
            ["invoice_sent | 2025-07-01 | 1 | 1 | 50", "milestone_accepted | 2025-08-01 | 0 | 1 | 0", "payment_received | 2025-09-01 | 0 | 1 | 0"],
            rows);
        // sow 5 months + K's 2024-09 = 6 rows (2025-06 holds A and L); milestone 5; invoice 4; payment 3 (05, 08, 09).
        Assert.Equal(18, fixture.Connection.Count("SELECT * FROM mart_sla_compliance_by_stage"));
        Assert.Equal("0", fixture.Connection.Scalar("SELECT count(*) FROM mart_sla_compliance_by_stage WHERE stage_key = 'milestone_accepted' AND completed_month = '2025-09-01' AND met_count <> 1"));
    }

    [Fact]
    public void Sla_compliance_by_month_sums_counts_over_stages_and_lists_empty_months()
    {
        // 2024-09: K sow met. 2024-10 … 2025-01: nothing (NULL %). 2025-02: F sow. 2025-03: nothing. 2025-04: F milestone,
        // F invoice. 2025-05: E sow, F payment. 2025-06: A sow, L sow, E milestone, E invoice → 4/0. 2025-07: B sow, A and L
        // milestones met, A invoice missed, L invoice met → 4/1 = 80.0. 2025-08: C sow met, B milestone missed, B invoice
        // met, A payment met → 3/1 = 75.0. 2025-09: C milestone met, L payment missed → 1/1 = 50.0.
        Assert.Equal(
            [
                "2024-09-01 | 1 | 0 | 100", "2024-10-01 | 0 | 0 | NULL", "2024-11-01 | 0 | 0 | NULL", "2024-12-01 | 0 | 0 | NULL",
                "2025-01-01 | 0 | 0 | NULL", "2025-02-01 | 1 | 0 | 100", "2025-03-01 | 0 | 0 | NULL", "2025-04-01 | 2 | 0 | 100",
                "2025-05-01 | 2 | 0 | 100", "2025-06-01 | 4 | 0 | 100", "2025-07-01 | 4 | 1 | 80", "2025-08-01 | 3 | 1 | 75",
                "2025-09-01 | 1 | 1 | 50",
            ],
            fixture.Connection.Lines("SELECT completed_month, met_count, missed_count, sla_compliance_pct FROM mart_sla_compliance_by_month ORDER BY 1"));
    }

    [Fact]
    public void Cycle_time_by_stage_takes_the_last_twelve_months_with_interpolated_quantiles()
    {
        // Window: completed after 2024-09-30 (K's sow on exactly that day is out). quantile_cont: position p × (n − 1).
        // sow 2,4,5,6,8,9: avg 34/6 = 5.67 → 5.7; median (5+6)/2 = 5.5; p90 at 4.5 → 8 + 0.5 × 1 = 8.5.
        // milestone 20,21,21,21,27,33: avg 143/6 = 23.83 → 23.8; median 21; p90 at 4.5 → 27 + 0.5 × 6 = 30.
        // invoice 2,2,3,3,7: avg 17/5 = 3.4; median 3; p90 at 3.6 → 3 + 0.6 × 4 = 5.4.
        // payment 16,22,31: avg 69/3 = 23; median 22; p90 at 1.8 → 22 + 0.8 × 9 = 29.2.
        Assert.Equal(
            [
                "sow_executed | 6 | 5.7 | 5.5 | 8.5", "milestone_accepted | 6 | 23.8 | 21 | 30", "invoice_sent | 5 | 3.4 | 3 | 5.4",
                "payment_received | 3 | 23 | 22 | 29.2",
            ],
            fixture.Connection.Lines("""
                SELECT stage_key, measured_count, cycle_time_bd_avg, cycle_time_bd_median, cycle_time_bd_p90
                FROM mart_cycle_time_by_stage ORDER BY stage_order
                """));
    }

    [Fact]
    public void Cycle_time_by_month_groups_by_completion_month()
    {
        // sow 2025-06: A 5 and L 6 → avg 5.5, median 5.5, p90 5 + 0.9 × 1 = 5.9. sow 2024-09: K alone, 50.
        Assert.Equal(
            ["2024-09-01 | 1 | 50 | 50 | 50", "2025-06-01 | 2 | 5.5 | 5.5 | 5.9"],
            fixture.Connection.Lines("""
                SELECT completed_month, measured_count, cycle_time_bd_avg, cycle_time_bd_median, cycle_time_bd_p90
                FROM mart_cycle_time_by_month WHERE stage_key = 'sow_executed' AND completed_month IN ('2024-09-01', '2025-06-01')
                ORDER BY completed_month
                """));
    }
}
