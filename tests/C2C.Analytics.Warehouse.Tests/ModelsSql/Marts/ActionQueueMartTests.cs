using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>
/// The action queue on <see cref="MartPortfolio"/>. As of Tue 2025-09-30: reminder horizon workday(as_of, 2) = Thu
/// 2025-10-02; recent completions are those after 2025-08-31.
/// </summary>
public sealed class ActionQueueMartTests(MartFixture fixture) : IClassFixture<MartFixture>
{
    [Fact]
    public void The_queue_holds_one_row_per_stage_needing_action_in_urgency_order()
    {
        // E payment: stuck, 50 bd overdue (and a reminder on 10-02) → 1st. C invoice: stuck, 11 bd → 2nd. D sow: overdue
        // 2 bd → 3rd. G milestone: gate violation completed 09-22 → 4th. G sow: due soon → 5th. B payment: reminder 10-01
        // ≤ 10-02 → 6th. C milestone: completed 09-10 without evidence → 7th. Not in it: H sow (reminder 10-06 is after the
        // horizon), F payment (no evidence, but completed 05-05, before the window), every stage complete with evidence.
        Assert.Equal(
            [
                "1 | E | payment_received | stuck | 50 | 2025-10-02 | o-fin | East",
                "2 | C | invoice_sent | stuck | 11 | 2025-10-08 | o-fin | East",
                "3 | D | sow_executed | overdue | 2 | 2025-10-06 | NULL | NULL",
                "4 | G | milestone_accepted | gate_violation | NULL | NULL | o-dee | West",
                "5 | G | sow_executed | due_soon | NULL | 2025-10-07 | o-sam | East",
                "6 | B | payment_received | reminder_due | NULL | 2025-10-01 | o-fin | East",
                "7 | C | milestone_accepted | missing_evidence | NULL | NULL | o-dee | West",
            ],
            fixture.Connection.Lines("SELECT queue_rank, deal_id, stage_key, action, overdue_bd, next_reminder_on, owner_id, team FROM mart_action_queue ORDER BY queue_rank"));
    }

    [Fact]
    public void Every_reason_keeps_its_own_flag()
    {
        // E payment is stuck, overdue and has a reminder due on 10-02: three flags, one action.
        Assert.Equal(
            "true | true | false | false | true | false",
            fixture.Connection.Scalar("""
                SELECT is_stuck, is_overdue, is_gate_violation, is_due_soon, is_reminder_due, is_missing_evidence
                FROM mart_action_queue WHERE deal_id = 'E'
                """));
    }

    [Fact]
    public void A_note_is_carried_as_the_tracker_holds_it()
    {
        Assert.Equal(MartPortfolio.ScriptNote, fixture.Connection.Scalar("SELECT notes FROM mart_action_queue WHERE deal_id = 'E'"));
        Assert.Equal(MartPortfolio.ImageNote, fixture.Connection.Scalar("SELECT notes FROM mart_action_queue WHERE deal_id = 'C' AND stage_key = 'invoice_sent'"));
    }

    [Fact]
    public void Actions_by_team_count_the_most_urgent_reason_with_unassigned_stages_apart()
    {
        // East: E payment + C invoice stuck (50 + 11 = 61 bd; 500.00, C's GBP left out), G sow due soon (600.00), B payment
        // reminder (2400.00). West: G milestone gate violation (600.00), C milestone missing evidence (GBP). D's sow has
        // no owner: Unassigned, overdue 2 bd, 4000.00.
        Assert.Equal(
            [
                "East | stuck | 2 | 61 | 500.00 | 1", "East | due_soon | 1 | 0 | 600.00 | 0", "East | reminder_due | 1 | 0 | 2400.00 | 0",
                "Unassigned | overdue | 1 | 2 | 4000.00 | 0", "West | gate_violation | 1 | 0 | 600.00 | 0",
                "West | missing_evidence | 1 | 0 | 0.00 | 1",
            ],
            fixture.Connection.Lines("SELECT team, action, action_count, overdue_bd_total, value_reporting, unconverted_count FROM mart_actions_by_team ORDER BY team, action_priority"));
    }
}
