using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>Pipeline by stage, aging, bottlenecks and throughput on <see cref="MartPortfolio"/>.</summary>
public sealed class LifecycleMartTests(MartFixture fixture) : IClassFixture<MartFixture>
{
    [Fact]
    public void Engagement_values_convert_at_the_as_of_rate_and_keep_amounts_without_one_out()
    {
        // As of 2025-09-30 EUR is 1.20 (the 2025-09-01 rate replaced 1.10). B 2000 EUR → 2400.00, F 800 EUR → 960.00.
        // C is GBP (no rate) and H names no currency: neither has a rate. A's old version is not current.
        Assert.Equal(
            [
                "A | USD | 1000.00 | 1000.00 | true", "B | EUR | 2000.00 | 2400.00 | true", "C | GBP | 3000.00 | NULL | false",
                "D | USD | 4000.00 | 4000.00 | true", "E | USD | 500.00 | 500.00 | true", "F | EUR | 800.00 | 960.00 | true",
                "G | USD | 600.00 | 600.00 | true", "H | NULL | 700.00 | NULL | false", "K | USD | 100.00 | 100.00 | true",
                "L | USD | 300.00 | 300.00 | true",
            ],
            fixture.Connection.Lines("SELECT deal_id, currency, contract_value, contract_value_reporting, has_rate FROM int_engagement_value ORDER BY deal_id"));
    }

    [Fact]
    public void Pipeline_by_stage_counts_each_engagement_once_at_its_current_stage()
    {
        // Current stage = earliest open stage, else earliest waiting. sow: D (open, 4000), G (open sow before its waiting
        // invoice, 600), H (open, no rate) → 3, 4600.00, 1 unconverted. invoice: C (GBP) → 1, 0.00, 1. payment: B (2400)
        // and E (500) → 2, 2900.00. A, F, L (all complete) and K (complete + N/A) have no current stage.
        Assert.Equal(
            [
                "sow_executed | 3 | 4600.00 | 1", "milestone_accepted | 0 | 0.00 | 0",
                "invoice_sent | 1 | 0.00 | 1", "payment_received | 2 | 2900.00 | 0",
            ],
            fixture.Connection.Lines("SELECT stage_key, engagement_count, contract_value_reporting, unconverted_count FROM mart_pipeline_by_stage ORDER BY stage_order"));
    }

    [Fact]
    public void Stage_aging_has_every_stage_and_bucket_and_counts_open_stages()
    {
        // Open: sow D (11-20, overdue, 4000), G (6-10, 600), H (0-5, no rate); invoice C (11-20, overdue, stuck, GBP);
        // payment B (6-10, 2400), E (21+, overdue, stuck, 500). 4 stages × 4 buckets = 16 rows.
        var rows = fixture.Connection.Lines("""
            SELECT stage_key, aging_bucket, open_stage_count, overdue_stage_count, stuck_stage_count, value_waiting_reporting, unconverted_count
            FROM mart_stage_aging WHERE open_stage_count > 0 ORDER BY stage_order, aging_bucket_order
            """);
        Assert.Equal(
            [
                "sow_executed | 0-5 | 1 | 0 | 0 | 0.00 | 1", "sow_executed | 6-10 | 1 | 0 | 0 | 600.00 | 0",
                "sow_executed | 11-20 | 1 | 1 | 0 | 4000.00 | 0", "invoice_sent | 11-20 | 1 | 1 | 1 | 0.00 | 1",
                "payment_received | 6-10 | 1 | 0 | 0 | 2400.00 | 0", "payment_received | 21+ | 1 | 1 | 1 | 500.00 | 0",
            ],
            rows);
        Assert.Equal(16, fixture.Connection.Count("SELECT * FROM mart_stage_aging"));
    }

    [Fact]
    public void Bottlenecks_rank_stages_by_overdue_count_then_overdue_days()
    {
        // Overdue: sow D (2 bd), invoice C (11 bd, stuck), payment E (50 bd, stuck): one each, so overdue business days
        // decide: payment (50) 1st, invoice (11) 2nd, sow (2) 3rd, milestone (nothing open) 4th.
        // Value waiting: payment B 2400 + E 500 = 2900.00; sow D 4000 + G 600 = 4600.00 (+ H without a rate).
        Assert.Equal(
            [
                "1 | payment_received | 2 | 1 | 50 | 1 | 2900.00 | 0", "2 | invoice_sent | 1 | 1 | 11 | 1 | 0.00 | 1",
                "3 | sow_executed | 3 | 1 | 2 | 0 | 4600.00 | 1", "4 | milestone_accepted | 0 | 0 | 0 | 0 | 0.00 | 0",
            ],
            fixture.Connection.Lines("""
                SELECT bottleneck_rank, stage_key, open_stage_count, overdue_stage_count, overdue_bd_total, stuck_stage_count,
                    value_waiting_reporting, unconverted_count
                FROM mart_bottleneck ORDER BY bottleneck_rank
                """));
    }

    [Fact]
    public void Throughput_counts_dated_completions_per_iso_week_with_empty_weeks()
    {
        // Dated completions: A 4, B 3, C 2, E 3, F 4, G 1 (the gate violation), K 1, L 4 = 22. Weeks: from Mon 2024-09-30
        // (K's sow) to Mon 2025-09-29 (the as-of week) = 53 weeks × 4 stages = 212 rows.
        Assert.Equal(212, fixture.Connection.Count("SELECT * FROM mart_throughput"));
        Assert.Equal("22", fixture.Connection.Scalar("SELECT sum(completed_count) FROM mart_throughput"));
        // Thu 2025-07-10 (A) and Thu 2025-07-17 (L) invoices fall in the weeks of Mon 07-07 and Mon 07-14; Mon 2025-09-22
        // (G's milestone) in its own week.
        Assert.Equal(
            ["2025-07-07 | invoice_sent | 1", "2025-07-14 | invoice_sent | 1", "2025-09-22 | milestone_accepted | 1"],
            fixture.Connection.Lines("""
                SELECT week_start, stage_key, completed_count FROM mart_throughput
                WHERE (stage_key = 'invoice_sent' AND week_start BETWEEN '2025-07-07' AND '2025-07-14')
                    OR (stage_key = 'milestone_accepted' AND week_start = '2025-09-22')
                ORDER BY week_start
                """));
        Assert.Equal("0", fixture.Connection.Scalar("SELECT completed_count FROM mart_throughput WHERE stage_key = 'sow_executed' AND week_start = '2025-09-29'"));
    }
}
