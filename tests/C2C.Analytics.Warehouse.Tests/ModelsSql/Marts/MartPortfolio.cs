namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>
/// The hand-built portfolio every mart test reads, as of Tue 30 Sep 2025. Rates: EUR 1.10 USD from 2025-01-01, 1.20
/// from 2025-09-01 (so 1.20 on the as-of date); no GBP rate. Owners: o-sam (Sales, team East), o-dee (Delivery, West),
/// o-fin (Finance, East). Stages per engagement (c = complete on the date, SLA result and cycle time in business days;
/// open = age, overdue business days, aging bucket, next reminder):
/// <code>
/// deal value      terms  sow_executed           milestone_accepted          invoice_sent                 payment_received
/// A    1000 USD   30     c 06-02 met 5          c 07-01 met 21              c 07-10 missed 7             c 08-04 met 16
/// B    2000 EUR   30     c 07-01 met 8          c 08-15 missed 33           c 08-20 met 3                open on_track age 7 6-10 rem 10-01
/// C    3000 GBP   45     c 08-01 met 9          c 09-10 met 27 NO EVIDENCE  open overdue age 14 od 11    waiting
///                                                                           11-20 stuck rem 10-08
/// D    4000 USD   30     open overdue age 12    waiting                     waiting                      waiting
///                        od 2 11-20 rem 10-06, nobody in the Sales role
/// E     500 USD   60     c 05-01 met 4          c 06-02 met 20              c 06-05 met 3                open overdue age 80 od 50 21+
///                                                                                                        stuck rem 10-02
/// F     800 EUR   30     c 02-03 met 2          c 04-01 met 21              c 04-03 met 2                c 05-05 met 22 no evidence
/// G     600 USD   30     open due_soon age 8    c 09-22 GATE VIOLATION      waiting                      waiting
///                        6-10 rem 10-07
/// H     700 (none) 30    open on_track age 1    waiting                     waiting                      waiting
///                        0-5 rem 10-06
/// K     100 USD   30     c 2024-09-30 met 50    N/A                         N/A                          N/A
/// L     300 USD   30     c 06-16 met 6          c 07-15 met 21              c 07-17 met 2                c 09-01 missed 31
/// </code>
/// A also has an old version (is_current false, 9999 USD) that no mart may count. Opportunities: O1 open 10000 USD 40%
/// closes 2025-10-15; O2 open 5000 EUR 50% closes 2025-10-20; O3 open 2000 GBP 10% closes 2025-11-05; O4 won 8000 USD
/// closed 2025-09-10 (created 2025-08-01); O5 lost 2000 EUR closed 2025-09-12; O6 won 1000 EUR closed 2025-08-29
/// (created 2025-07-30); O7 deleted, open 99999 USD; O8 won 5000 USD closing 2025-10-10 (after the as-of date).
/// </summary>
internal static class MartPortfolio
{
    public static readonly DateOnly AsOf = new(2025, 9, 30);

    public const string ScriptNote = "Looks fine <script>alert('c2c')</script> — see \"notes\"";

    public const string ImageNote = "<img src=x onerror=\"document.title='pwned'\"> call the customer";

    public static MartScenario Scenario()
    {
        var s = new MartScenario(AsOf)
            .Owner("o-sam", "Sam Sales", "sam@example.com", "Sales", "East")
            .Owner("o-dee", "Dee Delivery", "dee@example.com", "Delivery", "West")
            .Owner("o-fin", "Fin <b>Finance</b>", "fin@example.com", "Finance", "East")
            .Rate("2025-01-01", "EUR", 1.10m).Rate("2025-09-01", "EUR", 1.20m);

        // R: a version kept current although its tracker row was rejected this run (is_loaded false). Nothing of this
        // run's marts counts it; were it counted, engagement_count would be one more and its CHF value (no rate) would
        // be a currency exception.
        s.Engagement("R", 5555m, "CHF", isLoaded: false);
        s.Engagement("A", 1000m, "USD").Engagement("A", 9999m, "USD", isCurrent: false)
            .Fact("A", "sow_executed", "complete", "2025-06-02", "met", 5)
            .Fact("A", "milestone_accepted", "complete", "2025-07-01", "met", 21)
            .Fact("A", "invoice_sent", "complete", "2025-07-10", "missed", 7)
            .Fact("A", "payment_received", "complete", "2025-08-04", "met", 16);
        s.Engagement("B", 2000m, "EUR")
            .Fact("B", "sow_executed", "complete", "2025-07-01", "met", 8)
            .Fact("B", "milestone_accepted", "complete", "2025-08-15", "missed", 33)
            .Fact("B", "invoice_sent", "complete", "2025-08-20", "met", 3)
            .Fact("B", "payment_received", "open", sla: "on_track", age: 7, bucket: "6-10", reminder: "2025-10-01");
        s.Engagement("C", 3000m, "GBP", termsDays: 45)
            .Fact("C", "sow_executed", "complete", "2025-08-01", "met", 9)
            .Fact("C", "milestone_accepted", "complete", "2025-09-10", "met", 27, evidence: false)
            .Fact("C", "invoice_sent", "open", sla: "overdue", age: 14, overdue: 11, bucket: "11-20", reminder: "2025-10-08", stuck: true)
            .Fact("C", "payment_received", "waiting")
            .Note("C", "invoice_sent", ImageNote);
        s.Engagement("D", 4000m, "USD")
            .Fact("D", "sow_executed", "open", sla: "overdue", age: 12, overdue: 2, bucket: "11-20", reminder: "2025-10-06", owner: null)
            .Fact("D", "milestone_accepted", "waiting").Fact("D", "invoice_sent", "waiting").Fact("D", "payment_received", "waiting");
        s.Engagement("E", 500m, "USD", termsDays: 60)
            .Fact("E", "sow_executed", "complete", "2025-05-01", "met", 4)
            .Fact("E", "milestone_accepted", "complete", "2025-06-02", "met", 20)
            .Fact("E", "invoice_sent", "complete", "2025-06-05", "met", 3)
            .Fact("E", "payment_received", "open", sla: "overdue", age: 80, overdue: 50, bucket: "21+", reminder: "2025-10-02", stuck: true)
            .Note("E", "payment_received", ScriptNote);
        s.Engagement("F", 800m, "EUR")
            .Fact("F", "sow_executed", "complete", "2025-02-03", "met", 2)
            .Fact("F", "milestone_accepted", "complete", "2025-04-01", "met", 21)
            .Fact("F", "invoice_sent", "complete", "2025-04-03", "met", 2)
            .Fact("F", "payment_received", "complete", "2025-05-05", "met", 22, evidence: false);
        s.Engagement("G", 600m, "USD")
            .Fact("G", "sow_executed", "open", sla: "due_soon", age: 8, bucket: "6-10", reminder: "2025-10-07")
            .Fact("G", "milestone_accepted", "complete", "2025-09-22", gate: true)
            .Fact("G", "invoice_sent", "waiting").Fact("G", "payment_received", "waiting");
        s.Engagement("H", 700m, null)
            .Fact("H", "sow_executed", "open", sla: "on_track", age: 1, bucket: "0-5", reminder: "2025-10-06")
            .Fact("H", "milestone_accepted", "waiting").Fact("H", "invoice_sent", "waiting").Fact("H", "payment_received", "waiting");
        s.Engagement("K", 100m, "USD")
            .Fact("K", "sow_executed", "complete", "2024-09-30", "met", 50)
            .Fact("K", "milestone_accepted", "not_applicable").Fact("K", "invoice_sent", "not_applicable")
            .Fact("K", "payment_received", "not_applicable");
        s.Engagement("L", 300m, "USD")
            .Fact("L", "sow_executed", "complete", "2025-06-16", "met", 6)
            .Fact("L", "milestone_accepted", "complete", "2025-07-15", "met", 21)
            .Fact("L", "invoice_sent", "complete", "2025-07-17", "met", 2)
            .Fact("L", "payment_received", "complete", "2025-09-01", "missed", 31);

        s.Opportunity("O1", 10000m, "USD", "2025-10-15", 40)
            .Opportunity("O2", 5000m, "EUR", "2025-10-20", 50)
            .Opportunity("O3", 2000m, "GBP", "2025-11-05", 10)
            .Opportunity("O4", 8000m, "USD", "2025-09-10", 100, closed: true, won: true, created: "2025-08-01")
            .Opportunity("O5", 2000m, "EUR", "2025-09-12", 0, closed: true, won: false)
            .Opportunity("O6", 1000m, "EUR", "2025-08-29", 100, closed: true, won: true, created: "2025-07-30")
            .Opportunity("O7", 99999m, "USD", "2025-10-01", 90, deleted: true)
            .Opportunity("O8", 5000m, "USD", "2025-10-10", 100, closed: true, won: true);
        return s;
    }
}
