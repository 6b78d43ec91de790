using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql.Marts;

/// <summary>The stage marts on hand-built stays: medians and averages, open stays apart, deleted history left out.</summary>
public sealed class OpportunityStageMartTests
{
    [Fact]
    public void Median_and_average_days_in_a_stage_are_over_the_stays_that_ended()
    {
        var scenario = new MartScenario(new DateOnly(2025, 9, 30))
            .Opportunity("O1", 1m, "USD", "2025-10-01", 50).Opportunity("O2", 1m, "USD", "2025-10-01", 50)
            .Opportunity("O3", 1m, "USD", "2025-10-01", 50).Opportunity("O4", 1m, "USD", "2025-10-01", 50, deleted: true)
            .StageStay("O1", "Proposal", 50, "Negotiation", "2025-09-02", 2)
            .StageStay("O2", "Proposal", 50, "Negotiation", "2025-09-05", 5)
            .StageStay("O3", "Proposal", 50, "Closed Lost", "2025-09-20", 20)
            .StageStay("O1", "Negotiation", 80, null, null, 28)
            .StageStay("O2", "Negotiation", 80, null, null, 25)
            .StageStay("O4", "Proposal", 50, "Negotiation", "2025-09-10", 99);
        using var connection = scenario.Build();

        // Proposal: 2, 5, 20 → average 9.0, median 5; O4 is deleted. Negotiation: open, 28 and 25 → 26.5.
        Assert.Equal(
            ["Proposal | 3 | 3 | 9 | 5 | 0 | NULL", "Negotiation | 2 | 0 | NULL | NULL | 2 | 26.5"],
            connection.Lines("""
                SELECT stage_name, entered_count, completed_stay_count, stage_duration_days_avg, stage_duration_days_median,
                    open_stay_count, open_stay_days_avg
                FROM mart_opportunity_stage_duration
                """));
        // Proposal → Negotiation 2 of 3 = 66.7 %, → Closed Lost 1 of 3 = 33.3 %.
        Assert.Equal(
            ["Proposal | Closed Lost | 1 | 33.3", "Proposal | Negotiation | 2 | 66.7"],
            connection.Lines("SELECT from_stage_name, to_stage_name, converted_count, stage_conversion_pct FROM mart_opportunity_stage_conversion"));
    }
}
