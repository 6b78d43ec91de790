using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>Weighted pipeline, win rate, currency exceptions and the headline on <see cref="MartPortfolio"/>.</summary>
public sealed class SalesforceAndCurrencyMartTests(MartFixture fixture) : IClassFixture<MartFixture>
{
    [Fact]
    public void Weighted_pipeline_sums_open_opportunities_by_close_month_in_the_reporting_currency()
    {
        // 2025-10: O1 10000 USD × 40 % = 4000; O2 5000 EUR × 1.20 (as-of rate) = 6000 × 50 % = 3000 → 16000.00, 7000.00.
        // 2025-11: O3 is GBP (no rate): counted, left out of the amounts. O7 is deleted.
        Assert.Equal(
            ["2025-10-01 | 2 | 16000.00 | 7000.00 | 0", "2025-11-01 | 1 | 0.00 | 0.00 | 1"],
            fixture.Connection.Lines("""
                SELECT close_month, opportunity_count, pipeline_amount_reporting, weighted_pipeline_reporting, unconverted_count
                FROM mart_weighted_pipeline ORDER BY close_month
                """));
    }

    [Fact]
    public void Win_rate_converts_closed_amounts_at_the_close_date_rate()
    {
        // 2025-08: O6 won 1000 EUR on 08-29 at 1.10 = 1100.00; sales cycle 07-30 → 08-29 = 30 days.
        // 2025-09: O4 won 8000 USD, O5 lost 2000 EUR on 09-12 at 1.20 = 2400.00 → by count 1/2 = 50.0 %, by amount
        // 8000 / 10400 = 76.9 %; cycle 08-01 → 09-10 = 40 days. O8 closes after the as-of date: not counted.
        Assert.Equal(
            ["2025-08-01 | 1 | 0 | 1100.00 | 0.00 | 100 | 100 | 30", "2025-09-01 | 1 | 1 | 8000.00 | 2400.00 | 50 | 76.9 | 40"],
            fixture.Connection.Lines("""
                SELECT close_month, won_count, lost_count, won_amount_reporting, lost_amount_reporting, win_rate_by_count_pct,
                    win_rate_by_amount_pct, sales_cycle_days_avg
                FROM mart_win_rate ORDER BY close_month
                """));
    }

    [Fact]
    public void Amounts_without_a_rate_are_listed_in_their_own_currency()
    {
        // C (GBP), H (no currency) and O3 (GBP); O7 (deleted) is not reported.
        Assert.Equal(
            ["engagement | C | GBP | 3000.00 | 2025-09-30", "engagement | H | NULL | 700.00 | 2025-09-30", "opportunity | O3 | GBP | 2000.00 | 2025-09-30"],
            fixture.Connection.Lines("SELECT record_type, record_id, currency, amount, rate_on FROM mart_currency_exception ORDER BY record_type, record_id"));
    }

    [Fact]
    public void The_headline_reads_each_figure_from_the_mart_that_defines_it()
    {
        // 10 current engagements (A's old version not counted); payment backlog 2900.00 in 2; overdue D sow, C invoice,
        // E payment = 3; stuck C, E = 2; open D, G, H sow, C invoice, B, E payment = 6; SLA September 1/2 = 50.0,
        // August 3/4 = 75.0; median contract-to-cash 70; 7 actions; 3 currency exceptions.
        Assert.Equal(
            "2025-09-30 | USD | 10 | 2900.00 | 2 | 0 | 3 | 2 | 6 | 50 | 75 | 70 | 90 | 7 | 3",
            fixture.Connection.Scalar("""
                SELECT as_of, reporting_currency, engagement_count, payment_backlog_reporting, payment_backlog_count,
                    payment_backlog_unconverted_count, overdue_stage_count, stuck_stage_count, open_stage_count,
                    sla_compliance_this_month_pct, sla_compliance_last_month_pct, contract_to_cash_days_median, cash_period_days,
                    action_count, currency_exception_count
                FROM mart_headline
                """));
    }
}
