using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>
/// Days in each opportunity stage and stage-to-stage conversion, from OpportunityHistory pages through
/// fct_opportunity_stage_history to mart_opportunity_stage_duration and mart_opportunity_stage_conversion, as of
/// Mon 30 Jun 2025.
/// </summary>
public sealed class OpportunityStageDurationTests
{
    private const string A = "006000000000001AAA"; // open, now in Negotiation
    private const string B = "006000000000002AAA"; // Closed Won
    private const string C = "006000000000003AAA"; // deleted: left out of the marts

    private static ModelsScenario Scenario()
    {
        var scenario = new ModelsScenario
        {
            Targets = ["fct_opportunity_stage_history", "mart_opportunity_stage_duration", "mart_opportunity_stage_conversion"],
        };
        scenario.Opportunities($$"""
            {"totalSize": 3, "done": true, "records": [
              {"Id": "{{A}}", "Name": "A", "StageName": "Negotiation", "IsClosed": false, "IsWon": false, "SystemModstamp": "2025-06-20T01:00:00.000+0000"},
              {"Id": "{{B}}", "Name": "B", "StageName": "Closed Won", "IsClosed": true, "IsWon": true, "SystemModstamp": "2025-05-11T08:00:00.000+0000"},
              {"Id": "{{C}}", "Name": "C", "StageName": "Proposal", "IsClosed": false, "IsWon": false, "IsDeleted": true, "SystemModstamp": "2025-06-01T08:00:00.000+0000"}
            ]}
            """);
        scenario.History($$"""
            {"totalSize": 8, "done": true, "records": [
              {"Id": "008A1", "OpportunityId": "{{A}}", "StageName": "Prospecting", "Probability": 10.0, "CreatedDate": "2025-06-01T10:00:00.000+0000"},
              {"Id": "008A2", "OpportunityId": "{{A}}", "StageName": "Prospecting", "Probability": 10.0, "Amount": 900.0, "CreatedDate": "2025-06-03T09:00:00.000+0000"},
              {"Id": "008A3", "OpportunityId": "{{A}}", "StageName": "Proposal", "Probability": 50.0, "CreatedDate": "2025-06-05T23:30:00.000+0000"},
              {"Id": "008A4", "OpportunityId": "{{A}}", "StageName": "Negotiation", "Probability": 80.0, "CreatedDate": "2025-06-20T01:00:00.000+0000"},
              {"Id": "008B1", "OpportunityId": "{{B}}", "StageName": "Proposal", "Probability": 40.0, "CreatedDate": "2025-05-01T08:00:00.000+0000"},
              {"Id": "008B2", "OpportunityId": "{{B}}", "StageName": "Closed Won", "Probability": 100.0, "CreatedDate": "2025-05-11T08:00:00.000+0000"},
              {"Id": "008C1", "OpportunityId": "{{C}}", "StageName": "Prospecting", "Probability": 10.0, "IsDeleted": true, "CreatedDate": "2025-05-01T08:00:00.000+0000"},
              {"Id": "008C2", "OpportunityId": "{{C}}", "StageName": "Proposal", "Probability": 50.0, "IsDeleted": true, "CreatedDate": "2025-05-31T08:00:00.000+0000"}
            ]}
            """);
        return scenario;
    }

    [Fact]
    public void A_stage_change_lasts_until_the_next_one_and_the_current_stage_of_an_open_opportunity_until_the_as_of_date()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        // A: Prospecting 06-01 → Proposal 06-05 = 4 days (the amount change on 06-03 is no stage change); Proposal
        // 06-05 → Negotiation 06-20 = 15; Negotiation since 06-20, open: to 06-30 = 10. B: Proposal 05-01 → Closed Won
        // 05-11 = 10; Closed Won is final. Days count UTC dates (06-05 23:30 is 06-05).
        Assert.Equal(
            [
                "008A1 | true | Proposal | 2025-06-05 23:30:00 | 4",
                "008A2 | false | NULL | NULL | NULL",
                "008A3 | true | Negotiation | 2025-06-20 01:00:00 | 15",
                "008A4 | true | NULL | NULL | 10",
                "008B1 | true | Closed Won | 2025-05-11 08:00:00 | 10",
                "008B2 | true | NULL | NULL | NULL",
                "008C1 | true | Proposal | 2025-05-31 08:00:00 | 30",
                "008C2 | true | NULL | NULL | 30",
            ],
            connection.Lines("""
                SELECT history_id, is_stage_change, next_stage_name, stage_exited_at, stage_duration_days
                FROM fct_opportunity_stage_history ORDER BY history_id
                """));
    }

    [Fact]
    public void Days_in_each_stage_average_the_stays_that_ended_and_count_the_open_ones_apart()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        // Prospecting: A's 4 days. Proposal: A's 15 and B's 10 → 12.5. Negotiation: only A, still there for 10 days.
        // Closed Won: B, final. C is deleted: not counted. Probability medians: 10, (50+40)/2 = 45, 80, 100.
        Assert.Equal(
            [
                "Prospecting | 10.00 | 1 | 1 | 4 | 4 | 0 | NULL",
                "Proposal | 45.00 | 2 | 2 | 12.5 | 12.5 | 0 | NULL",
                "Negotiation | 80.00 | 1 | 0 | NULL | NULL | 1 | 10",
                "Closed Won | 100.00 | 1 | 0 | NULL | NULL | 0 | NULL",
            ],
            connection.Lines("""
                SELECT stage_name, stage_probability, entered_count, completed_stay_count, stage_duration_days_avg,
                    stage_duration_days_median, open_stay_count, open_stay_days_avg
                FROM mart_opportunity_stage_duration
                """));
    }

    [Fact]
    public void Stage_to_stage_conversion_is_the_share_of_opportunities_entering_a_stage_that_moved_to_the_next()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        // Prospecting: A entered and moved to Proposal (1/1). Proposal: A and B entered; A went to Negotiation, B to
        // Closed Won (1/2 each). C (deleted) is not counted.
        Assert.Equal(
            ["Proposal | Closed Won | 1 | 50", "Proposal | Negotiation | 1 | 50", "Prospecting | Proposal | 1 | 100"],
            connection.Lines("""
                SELECT from_stage_name, to_stage_name, converted_count, stage_conversion_pct
                FROM mart_opportunity_stage_conversion
                """));
    }
}
