using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>
/// fct_engagement_stage_snapshot: fct_engagement_stage's rows under each run's as-of date, kept across runs; a run on a
/// date already there replaces that date's rows.
/// Deal E: intake on Monday 2025-05-19, complete that day; SOW open since (activated 2025-05-19); PO and kickoff wait.
/// Calendar: US federal holidays, so Memorial Day, Monday 2025-05-26, is not a business day. Worked by hand:
/// business days after 2025-05-19 are 20, 21, 22, 23 (4), 27, 28, 29, 30 (8), June 2 (9), June 3 (10):
/// as of Monday 2025-06-02 the SOW is 9 business days old, as of Tuesday 2025-06-03 10; SOW SLA 10 → due on
/// 2025-06-03, so "due soon" (at most 2 business days left) on both dates.
/// </summary>
public class EngagementStageSnapshotTests
{
    private static readonly DateOnly Monday = new(2025, 6, 2);
    private static readonly DateOnly Tuesday = new(2025, 6, 3);

    private const string SowRows = """
        SELECT snapshot_date, engagement_version_key, status, age_bd, sla_status, cycle_time_bd, as_of = snapshot_date
        FROM fct_engagement_stage_snapshot WHERE stage_key = 'sow' ORDER BY snapshot_date
        """;

    private static LifecycleScenario Deal() => new LifecycleScenario(Monday)
        .Engagement("E", "2025-05-19")
        .Stage("E", "intake", "complete", "2025-05-19")
        .Stage("E", "sow", "in_progress")
        .Stage("E", "po", "not_started")
        .Stage("E", "kickoff", "not_started");

    [Fact]
    public void Two_run_dates_give_two_snapshots_of_every_stage()
    {
        using var connection = Deal().Build();
        LifecycleScenario.Rerun(connection, Tuesday);

        Assert.Equal(["2025-06-02 | 4", "2025-06-03 | 4"],
            connection.Lines("SELECT snapshot_date, count(*) FROM fct_engagement_stage_snapshot GROUP BY ALL ORDER BY ALL"));
        Assert.Equal(
            [
                "2025-06-02 | 1 | open | 9 | due_soon | NULL | true",
                "2025-06-03 | 1 | open | 10 | due_soon | NULL | true",
            ],
            connection.Lines(SowRows));
        // Each date's rows are exactly what fct_engagement_stage said that day: Tuesday's are the current facts.
        Assert.Equal(0, connection.Count("""
            SELECT * EXCLUDE (snapshot_date) FROM fct_engagement_stage_snapshot WHERE snapshot_date = DATE '2025-06-03'
            EXCEPT ALL SELECT * FROM fct_engagement_stage
            """));
    }

    [Fact]
    public void A_second_run_on_the_same_date_replaces_that_dates_rows_and_leaves_the_others()
    {
        using var connection = Deal().Build();
        LifecycleScenario.Rerun(connection, Tuesday);

        // The SOW was signed on Tuesday after all, and Tuesday is run again: completed on 2025-06-03, activated
        // 2025-05-19, cycle time 10 business days (as above), due 2025-06-03: met, on the day.
        connection.Run("UPDATE int_engagement_stages SET status = 'complete', completed_on = DATE '2025-06-03' WHERE stage_key = 'sow'");
        LifecycleScenario.Rerun(connection, Tuesday);

        Assert.Equal(["2025-06-02 | 4", "2025-06-03 | 4"],
            connection.Lines("SELECT snapshot_date, count(*) FROM fct_engagement_stage_snapshot GROUP BY ALL ORDER BY ALL"));
        Assert.Equal(
            [
                // Monday's rows are as Monday's run left them.
                "2025-06-02 | 1 | open | 9 | due_soon | NULL | true",
                "2025-06-03 | 1 | complete | NULL | met | 10 | true",
            ],
            connection.Lines(SowRows));
    }
}
