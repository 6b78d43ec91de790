using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>
/// Cash on <see cref="MartPortfolio"/>, as of 2025-09-30, cash period 90 days: the days after 2025-07-02.
/// </summary>
public sealed class CashMartTests(MartFixture fixture) : IClassFixture<MartFixture>
{
    [Fact]
    public void Backlogs_billings_dso_and_days_to_cash_follow_the_definitions()
    {
        // Unbilled (milestone accepted, invoice pending): C (GBP, no rate) and G (600; its milestone broke the gate but
        // is complete) → 2, 600.00, 1 unconverted.
        // Payment backlog (invoiced, payment pending): B 2400.00 + E 500.00 = 2900.00, 2.
        // Billings (invoiced after 07-02): A 07-10 1000 + L 07-17 300 + B 08-20 2400 = 3700.00 in 3 invoices.
        // DSO = 2900 / 3700 × 90 = 70.54 → 70.5.
        // Paid after 07-02: A (08-04) and L (09-01). Days to pay: A 08-04 − 07-10 = 25, L 09-01 − 07-17 = 46 → 35.5.
        // Contract to cash: A 08-04 − 06-02 = 63, L 09-01 − 06-16 = 77 → average 70, median 70.
        Assert.Equal(
            "USD | 90 | 2 | 600.00 | 1 | 2 | 2900.00 | 0 | 3 | 3700.00 | 0 | 70.5 | 2 | 35.5 | 70 | 70",
            fixture.Connection.Scalar("""
                SELECT reporting_currency, cash_period_days, unbilled_count, unbilled_backlog_reporting, unbilled_unconverted_count,
                    payment_backlog_count, payment_backlog_reporting, payment_backlog_unconverted_count, billings_count, billings_reporting,
                    billings_unconverted_count, dso_days, paid_count, days_to_pay_avg, contract_to_cash_days_avg, contract_to_cash_days_median
                FROM mart_cash_position
                """));
    }

    [Fact]
    public void Ar_aging_buckets_calendar_days_past_the_due_date()
    {
        // B: invoiced 08-20, 30 days' terms → due 09-19, 11 days past due on 09-30 → 1-30 (2400.00).
        // E: invoiced 06-05, 60 days' terms → due 08-04, 57 days past due → 31-60 (500.00).
        Assert.Equal(
            ["current | 0 | 0.00", "1-30 | 1 | 2400.00", "31-60 | 1 | 500.00", "61-90 | 0 | 0.00", "90+ | 0 | 0.00", "unknown | 0 | 0.00"],
            fixture.Connection.Lines("SELECT ar_aging_bucket, invoice_count, amount_reporting FROM mart_ar_aging ORDER BY ar_aging_bucket_order"));
        Assert.Equal(
            ["B | 2025-09-19 | 11", "E | 2025-08-04 | 57"],
            fixture.Connection.Lines("SELECT deal_id, invoice_due_on, days_past_due FROM int_engagement_cash WHERE is_awaiting_payment ORDER BY deal_id"));
    }
}
