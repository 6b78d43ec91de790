using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>Salesforce against the tracker: missing intake, orphans and amounts that disagree (mart_reconciliation_exception).</summary>
public sealed class ReconciliationExceptionMartTests(MartFixture fixture) : IClassFixture<MartFixture>
{
    [Fact]
    public void On_the_portfolio_won_deals_without_an_engagement_are_missing_intake_and_every_engagement_without_an_opportunity_is_an_orphan()
    {
        // Won and closed by 09-30: O4 (09-10, 20 days ago) and O6 (08-29, 32 days); O8 closes after the as-of date.
        // The engagements A..L (10 current) and R (current, its row rejected this run) have no opportunity; A's old
        // version is not counted.
        Assert.Equal(
            ["missing_intake | O4 | 8000.00 | USD | 20", "missing_intake | O6 | 1000.00 | EUR | 32"],
            fixture.Connection.Lines("""
                SELECT exception_type, deal_id, crm_amount, crm_currency, days_since_close
                FROM mart_reconciliation_exception WHERE exception_type = 'missing_intake'
                """));
        Assert.Equal(["A", "B", "C", "D", "E", "F", "G", "H", "K", "L", "R"],
            fixture.Connection.Lines("SELECT deal_id FROM mart_reconciliation_exception WHERE exception_type = 'orphan'"));
        Assert.Equal(0, fixture.Connection.Count("SELECT * FROM mart_reconciliation_exception WHERE exception_type = 'amount_mismatch'"));
    }

    [Fact]
    public void Amounts_that_differ_by_a_cent_or_in_currency_are_mismatches_and_a_deleted_opportunity_leaves_an_orphan()
    {
        var scenario = new MartScenario(new DateOnly(2025, 9, 30))
            .Engagement("006X", 1000.00m, "USD").Opportunity("006X", 1000.01m, "USD", "2025-09-01", 100, closed: true, won: true)
            .Engagement("006Y", 500m, "eur").Opportunity("006Y", 500m, "USD", "2025-10-01", 50)
            .Engagement("006Z", 700m, "USD").Opportunity("006Z", 700m, "USD", "2025-10-01", 50, deleted: true)
            .Engagement("006S", 900m, "USD").Opportunity("006S", 900m, "usd", "2025-10-01", 50);
        using var connection = scenario.Build();

        Assert.Equal(
            [
                "amount_mismatch | 006X | 1000.01 | USD | 1000.00 | USD | 0.01 | Salesforce 1000.01, tracker 1000.00 USD",
                "amount_mismatch | 006Y | 500.00 | USD | 500.00 | EUR | NULL | Salesforce 500.00 USD, tracker 500.00 EUR: the currencies differ",
                "orphan | 006Z | NULL | NULL | 700.00 | USD | NULL | in the tracker; the opportunity is deleted in Salesforce",
            ],
            connection.Lines("""
                SELECT exception_type, deal_id, crm_amount, crm_currency, tracker_amount, tracker_currency, amount_difference, detail
                FROM mart_reconciliation_exception
                """));
    }

    [Fact]
    public void Without_any_opportunity_no_engagement_is_an_orphan()
    {
        using var connection = new MartScenario(new DateOnly(2025, 9, 30)).Engagement("006X", 1000m, "USD").Build();

        Assert.Equal(0, connection.Count("SELECT * FROM mart_reconciliation_exception"));
    }
}
