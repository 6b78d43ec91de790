using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>
/// fct_engagement_stage on hand-built engagements, every expected value worked out by hand on the 2025 calendar
/// (Saturday and Sunday off; US federal holidays: MLK Day Mon 20 Jan, Memorial Day Mon 26 May, Juneteenth Thu 19 Jun,
/// Independence Day Fri 4 Jul, Labor Day Mon 1 Sep). As of Tue 30 Sep 2025. The business days of September after Labor
/// Day are 2, 3, 4, 5, 8–12, 15–19, 22–26, 29, 30 (21 days). Stages: intake (SLA 2) → sow (SLA 10) → po (SLA 5) →
/// kickoff (SLA 5); reminders every 5 business days; due soon within 2; stuck above 2 × SLA.
/// </summary>
public sealed class LifecycleFactsTests : IDisposable
{
    private const string Columns =
        "status, activated_on, completed_on, cycle_time_bd, age_bd, sla_due_on, sla_status, aging_bucket, next_reminder_on, " +
        "reminders_to_date, skipped_at_intake, gate_violation, is_stuck";

    private readonly DuckDbConnection _connection;

    public LifecycleFactsTests()
    {
        var scenario = new LifecycleScenario(new DateOnly(2025, 9, 30));

        // A: across the Labor Day weekend, then an old open stage.
        scenario.Engagement("A", "2025-08-27")
            .Stage("A", "intake", "complete", "2025-08-28").Stage("A", "sow", "complete", "2025-09-03")
            .Stage("A", "po", "in_progress").Stage("A", "kickoff", "not_started");
        // B: a stage completed on its activation day.
        scenario.Engagement("B", "2025-03-03")
            .Stage("B", "intake", "complete", "2025-03-05").Stage("B", "sow", "complete", "2025-03-05")
            .Stage("B", "po", "not_applicable").Stage("B", "kickoff", "not_applicable");
        // C: the row was created with the SOW already signed (dated before the intake date).
        scenario.Engagement("C", "2025-04-07")
            .Stage("C", "intake", "complete", "2025-04-07").Stage("C", "sow", "complete", "2025-04-02")
            .Stage("C", "po", "complete", "2025-04-09").Stage("C", "kickoff", "not_applicable");
        // D: po N/A between sow and kickoff.
        scenario.Engagement("D", "2025-06-02")
            .Stage("D", "intake", "complete", "2025-06-03").Stage("D", "sow", "complete", "2025-06-10")
            .Stage("D", "po", "not_applicable").Stage("D", "kickoff", "complete", "2025-06-13");
        // E: sow open and due for a reminder on the as-of date; po and kickoff wait for it.
        scenario.Engagement("E", "2025-09-22")
            .Stage("E", "intake", "complete", "2025-09-23").Stage("E", "sow", "in_progress")
            .Stage("E", "po", "not_started").Stage("E", "kickoff", "not_started");
        // F: po completed before its prerequisite sow. G: po completed while sow is still open.
        scenario.Engagement("F", "2025-05-05")
            .Stage("F", "intake", "complete", "2025-05-06").Stage("F", "sow", "complete", "2025-05-20")
            .Stage("F", "po", "complete", "2025-05-15").Stage("F", "kickoff", "complete", "2025-05-16");
        scenario.Engagement("G", "2025-05-05")
            .Stage("G", "intake", "complete", "2025-05-06").Stage("G", "sow", "in_progress")
            .Stage("G", "po", "complete", "2025-05-12").Stage("G", "kickoff", "complete", "2025-05-14");
        // H: SLA met exactly on the due date, then missed by one business day across MLK Day.
        scenario.Engagement("H", "2025-01-06")
            .Stage("H", "intake", "complete", "2025-01-08").Stage("H", "sow", "complete", "2025-01-24")
            .Stage("H", "po", "not_applicable").Stage("H", "kickoff", "not_applicable");
        // J: sow open, the as-of date before its first reminder.
        scenario.Engagement("J", "2025-09-25")
            .Stage("J", "intake", "complete", "2025-09-26").Stage("J", "sow", "in_progress")
            .Stage("J", "po", "not_started").Stage("J", "kickoff", "not_started");
        // Aging edges: sow open since intake (intake done on its own date), ages 6, 7, 8, 10, 11, 20 and 21.
        foreach (var (deal, intake) in new[]
        {
            ("AGE6", "2025-09-22"), ("AGE7", "2025-09-19"), ("AGE8", "2025-09-18"), ("AGE10", "2025-09-16"),
            ("AGE11", "2025-09-15"), ("AGE20", "2025-09-02"), ("AGE21", "2025-08-29"),
        })
        {
            scenario.Engagement(deal, intake)
                .Stage(deal, "intake", "complete", intake).Stage(deal, "sow", "in_progress")
                .Stage(deal, "po", "not_started").Stage(deal, "kickoff", "not_started");
        }

        _connection = scenario.Build();
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void A_stage_activated_and_completed_across_a_holiday_weekend_counts_only_business_days()
    {
        // intake: activated on the intake date Wed 27 Aug; done Thu 28 Aug: 1 day. Due WORKDAY(27 Aug, 2) = Fri 29 Aug: met.
        Assert.Equal(
            "complete | 2025-08-27 | 2025-08-28 | 1 | NULL | 2025-08-29 | met | NULL | NULL | 0 | false | false | false",
            Row("A", "intake"));
        // sow: activated on intake's completion Thu 28 Aug, done Wed 3 Sep: Fri 29 Aug, Tue 2, Wed 3 Sep = 3 (Sat, Sun and
        // Labor Day not counted). Due = WORKDAY(28 Aug, 10): 29 Aug, 2, 3, 4, 5, 8, 9, 10, 11, 12 Sep → Fri 12 Sep: met.
        // Reminder 1 would be WORKDAY(28 Aug, 5) = Fri 5 Sep, after the completion: none sent.
        Assert.Equal(
            "complete | 2025-08-28 | 2025-09-03 | 3 | NULL | 2025-09-12 | met | NULL | NULL | 0 | false | false | false",
            Row("A", "sow"));
    }

    [Fact]
    public void An_old_open_stage_is_overdue_stuck_in_the_11_to_20_bucket_and_reminded_weekly_after_three_reminders()
    {
        // po: activated Wed 3 Sep. Age = business days in (3 Sep, 30 Sep] = 21 − 2 (2 and 3 Sep) = 19 → 11-20.
        // Due = WORKDAY(3 Sep, 5) = Wed 10 Sep; overdue. 19 > 2 × 5: stuck. Reminders on WORKDAY(3 Sep, 5k): 10, 17,
        // 24 Sep (three before the as-of date), then Wed 1 Oct.
        Assert.Equal(
            "open | 2025-09-03 | NULL | NULL | 19 | 2025-09-10 | overdue | 11-20 | 2025-10-01 | 3 | false | false | true",
            Row("A", "po"));
        // Overdue by the business days in (10 Sep, 30 Sep]: 11, 12, 15–19, 22–26, 29, 30 = 14.
        Assert.Equal("14", _connection.Scalar("SELECT overdue_bd FROM fct_engagement_stage WHERE deal_id = 'A' AND stage_key = 'po'"));
    }

    [Fact]
    public void A_stage_waiting_for_an_open_prerequisite_is_neither_late_nor_reminded()
    {
        Assert.Equal(
            "waiting | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | 0 | false | false | false",
            Row("A", "kickoff"));
        Assert.Equal(Row("A", "kickoff"), Row("E", "po"));
        Assert.Equal(Row("A", "kickoff"), Row("E", "kickoff"));
    }

    [Fact]
    public void A_stage_completed_on_its_activation_date_is_fast_not_skipped()
    {
        // sow activates on intake's completion Wed 5 Mar and is done the same day: 0 days, met (due WORKDAY(5 Mar, 10) = Wed 19 Mar).
        Assert.Equal(
            "complete | 2025-03-05 | 2025-03-05 | 0 | NULL | 2025-03-19 | met | NULL | NULL | 0 | false | false | false",
            Row("B", "sow"));
    }

    [Fact]
    public void A_stage_done_at_intake_is_skipped_with_cycle_time_0_no_sla_and_no_reminders()
    {
        // sow dated Wed 2 Apr, before the intake date Mon 7 Apr: done when the row was created.
        Assert.Equal(
            "complete | 2025-04-07 | 2025-04-02 | 0 | NULL | NULL | NULL | NULL | NULL | 0 | true | false | false",
            Row("C", "sow"));
        // The intake stage completed on the intake date is skipped too; po activates on the intake date (the later of
        // the intake date and sow's 2 Apr), done Wed 9 Apr: 2 days; due WORKDAY(7 Apr, 5) = Mon 14 Apr: met.
        Assert.Equal("true", _connection.Scalar("SELECT skipped_at_intake FROM fct_engagement_stage WHERE deal_id = 'C' AND stage_key = 'intake'"));
        Assert.Equal(
            "complete | 2025-04-07 | 2025-04-09 | 2 | NULL | 2025-04-14 | met | NULL | NULL | 0 | false | false | false",
            Row("C", "po"));
    }

    [Fact]
    public void An_NA_stage_is_left_out_and_the_next_stage_activates_on_the_stage_before_it()
    {
        Assert.Equal(
            "not_applicable | NULL | NULL | NULL | NULL | NULL | NULL | NULL | NULL | 0 | false | false | false",
            Row("D", "po"));
        // kickoff: its prerequisite po is N/A, so it activates on sow's completion Tue 10 Jun; done Fri 13 Jun: 11, 12,
        // 13 = 3 days; due WORKDAY(10 Jun, 5) = Tue 17 Jun: met.
        Assert.Equal(
            "complete | 2025-06-10 | 2025-06-13 | 3 | NULL | 2025-06-17 | met | NULL | NULL | 0 | false | false | false",
            Row("D", "kickoff"));
    }

    [Fact]
    public void A_stage_completed_before_or_without_its_prerequisite_is_a_gate_violation_outside_cycle_time_and_sla()
    {
        // F.po done Thu 15 May, its prerequisite sow only Tue 20 May. Activation is still the rule's (20 May).
        Assert.Equal(
            "complete | 2025-05-20 | 2025-05-15 | NULL | NULL | NULL | NULL | NULL | NULL | 0 | false | true | false",
            Row("F", "po"));
        // G.po done Mon 12 May while sow is still open: no activation date at all.
        Assert.Equal(
            "complete | NULL | 2025-05-12 | NULL | NULL | NULL | NULL | NULL | NULL | 0 | false | true | false",
            Row("G", "po"));
        // Their successors are judged on their own gate: kickoff after po is in order (F: 15 → 16 May, 1 day, due
        // WORKDAY(15 May, 5) = Thu 22 May; G: 12 → 14 May, 2 days, due Mon 19 May).
        Assert.Equal(
            "complete | 2025-05-15 | 2025-05-16 | 1 | NULL | 2025-05-22 | met | NULL | NULL | 0 | false | false | false",
            Row("F", "kickoff"));
        Assert.Equal(
            "complete | 2025-05-12 | 2025-05-14 | 2 | NULL | 2025-05-19 | met | NULL | NULL | 0 | false | false | false",
            Row("G", "kickoff"));
    }

    [Fact]
    public void SLA_met_exactly_on_the_due_date_and_missed_by_one_business_day()
    {
        // intake: activated Mon 6 Jan, due WORKDAY(6 Jan, 2) = Wed 8 Jan, done Wed 8 Jan: met, 2 days.
        Assert.Equal(
            "complete | 2025-01-06 | 2025-01-08 | 2 | NULL | 2025-01-08 | met | NULL | NULL | 0 | false | false | false",
            Row("H", "intake"));
        // sow: activated Wed 8 Jan; due WORKDAY(8 Jan, 10): 9, 10, 13, 14, 15, 16, 17, (20 MLK Day), 21, 22, 23 → Thu 23 Jan;
        // done Fri 24 Jan: missed, 11 days. Reminders WORKDAY(8 Jan, 5) = 15 Jan and WORKDAY(8 Jan, 10) = 23 Jan were sent.
        Assert.Equal(
            "complete | 2025-01-08 | 2025-01-24 | 11 | NULL | 2025-01-23 | missed | NULL | NULL | 2 | false | false | false",
            Row("H", "sow"));
    }

    [Fact]
    public void Reminders_before_on_and_after_a_reminder_date()
    {
        // J.sow activated Fri 26 Sep; first reminder WORKDAY(26 Sep, 5) = Fri 3 Oct is after the as-of date. Age 2 (29, 30
        // Sep); due WORKDAY(26 Sep, 10) = Fri 10 Oct, 8 business days away: on track.
        Assert.Equal(
            "open | 2025-09-26 | NULL | NULL | 2 | 2025-10-10 | on_track | 0-5 | 2025-10-03 | 0 | false | false | false",
            Row("J", "sow"));
        // E.sow activated Tue 23 Sep; reminder 1 = WORKDAY(23 Sep, 5) = Tue 30 Sep, the as-of date itself: it is the next
        // one (on or after the as-of date) and none is counted yet. Age 5 (24, 25, 26, 29, 30): the top of 0-5. Due
        // WORKDAY(23 Sep, 10) = Tue 7 Oct, 5 business days away: on track.
        Assert.Equal(
            "open | 2025-09-23 | NULL | NULL | 5 | 2025-10-07 | on_track | 0-5 | 2025-09-30 | 0 | false | false | false",
            Row("E", "sow"));
        // After a reminder date: A.po above (3 sent, next 1 Oct).
    }

    [Theory]
    // deal, age (business days from the intake date to Tue 30 Sep), bucket, SLA status, stuck (age > 20)
    // AGE6: 22 Sep, due WORKDAY(22 Sep, 10) = Mon 6 Oct, 4 days away: on track.
    [InlineData("AGE6", "6 | 6-10 | on_track | false")]
    // AGE7: 19 Sep, due Fri 3 Oct, 3 days away: on track. AGE8: 18 Sep, due Thu 2 Oct, 2 days away: due soon.
    [InlineData("AGE7", "7 | 6-10 | on_track | false")]
    [InlineData("AGE8", "8 | 6-10 | due_soon | false")]
    // AGE10: 16 Sep, due Tue 30 Sep = the as-of date: due soon, not overdue. AGE11: 15 Sep, due Mon 29 Sep: overdue.
    [InlineData("AGE10", "10 | 6-10 | due_soon | false")]
    [InlineData("AGE11", "11 | 11-20 | overdue | false")]
    // AGE20: 2 Sep: 20 = 2 × SLA, not stuck. AGE21: Fri 29 Aug: every September business day, 21 > 20: stuck.
    [InlineData("AGE20", "20 | 11-20 | overdue | false")]
    [InlineData("AGE21", "21 | 21+ | overdue | true")]
    public void Aging_buckets_due_soon_and_stuck_at_their_edges(string deal, string expected)
    {
        Assert.Equal(expected, _connection.Scalar(
            $"SELECT age_bd, aging_bucket, sla_status, is_stuck FROM fct_engagement_stage WHERE deal_id = '{deal}' AND stage_key = 'sow'"));
    }

    [Fact]
    public void Every_engagement_has_one_row_per_stage_with_its_owner_and_contract_value()
    {
        Assert.Equal("0", _connection.Scalar("""
            SELECT count(*) FROM (SELECT deal_id, stage_key FROM fct_engagement_stage GROUP BY ALL HAVING count(*) > 1)
            """));
        Assert.Equal("64", _connection.Scalar("SELECT count(*) FROM fct_engagement_stage")); // 16 engagements × 4 stages
        Assert.Equal("owner-A | 1000.00 | 20250903 | 20250930", _connection.Scalar(
            "SELECT owner_id, contract_value, activated_date_key, as_of_date_key FROM fct_engagement_stage WHERE deal_id = 'A' AND stage_key = 'po'"));
    }

    private string Row(string deal, string stage) =>
        _connection.Scalar($"SELECT {Columns} FROM fct_engagement_stage WHERE deal_id = '{deal}' AND stage_key = '{stage}'");
}
