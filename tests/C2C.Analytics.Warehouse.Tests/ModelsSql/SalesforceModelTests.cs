using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>Salesforce /query pages into fct_opportunity and fct_opportunity_stage_history, and their rejects.</summary>
public class SalesforceModelTests
{
    private static ModelsScenario Scenario()
    {
        var scenario = new ModelsScenario();
        scenario.Opportunities(SamplePages.OpportunityPage1).Opportunities(SamplePages.OpportunityPage2).History(SamplePages.HistoryPage);
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles)
            .Row(11, 1, ("Opportunity ID", "006RO00000AbCdE"), ("Engagement", "Acme renewal delivery"))
            .Row(12, 2, ("Opportunity ID", "006RO00000AbCdHYAV"), ("Engagement", "Deleted in Salesforce")));
        return scenario;
    }

    [Fact]
    public void Loadable_opportunities_are_typed_with_utc_timestamps_and_the_newest_copy_wins()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        Assert.Equal(
            [
                "006RO00000AbCdEYAV | Acme – Renewal ✓ | Acme Corp | Closed Won | 130000.00 | USD | 2024-05-01 | 100.00 | true | true | Closed | 005RO000001QX8WYAW | Jane Doe | jane.doe@example.com | 2024-01-15 09:12:44 | 2024-06-01 08:00:00 | false",
                // A 15-character Id normalised; LastModifiedDate given at +0200 is stored in UTC.
                "006RO00000AbCdGYAV | Orphan (no account) | NULL | Negotiation/Review | NULL | EUR | 2024-07-31 | 90.00 | false | false | Commit | 005RO000001QX8XYAW | John Smith | john.smith@example.com | 2024-03-02 16:00:01 | 2024-05-01 12:35:10 | false",
                // Deleted records load, flagged, so that the deletion is visible.
                "006RO00000AbCdHYAV | Duplicate - deleted | NULL | Prospecting | 1000.00 | NULL | 2024-09-30 | NULL | false | false | NULL | NULL | NULL | NULL | NULL | NULL | true",
            ],
            connection.Lines("""
                SELECT opportunity_id, opportunity_name, account_name, stage_name, amount, currency, close_date, probability,
                       is_closed, is_won, forecast_category, salesforce_owner_id, owner_name, owner_email, created_at,
                       last_modified_at, is_deleted
                FROM fct_opportunity ORDER BY opportunity_id
                """));
        Assert.Equal("true", connection.Scalar(
            "SELECT owner_id = md5('jane.doe@example.com') FROM fct_opportunity WHERE opportunity_id = '006RO00000AbCdEYAV'"));
    }

    [Fact]
    public void Opportunity_records_with_problems_are_rejected_one_row_per_problem_with_the_record_as_sent()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        Assert.Equal(
            [
                "salesforce_opportunities_001.json | 1 | 006RO00000AbCdEYAV | Id | duplicate_id | opportunity 006RO00000AbCdEYAV landed more than once in this run; a newer copy (by SystemModstamp) loads instead",
                "salesforce_opportunities_001.json | 2 | NULL | Id | missing_id | the record has no Id",
                "salesforce_opportunities_001.json | 3 | 006XYZ | Id | invalid_id | \"006XYZ\" in field Id is not a Salesforce ID",
                "salesforce_opportunities_001.json | 4 | 006RO00000AbCdFYAV | Amount | unparseable_amount | \"lots\" in field Amount is not an amount",
                "salesforce_opportunities_001.json | 4 | 006RO00000AbCdFYAV | CloseDate | unparseable_date | \"31/12/2024\" in field CloseDate is not a date written YYYY-MM-DD",
                "salesforce_opportunities_001.json | 4 | 006RO00000AbCdFYAV | Probability | unparseable_number | \"high\" in field Probability is not a percentage",
            ],
            connection.Lines("""
                SELECT parse_filename(file_name), row_number, record_key, field, reason, detail
                FROM int_rejects WHERE entity = 'opportunities' ORDER BY row_number, field
                """));
        Assert.Equal(
            """{"attributes":{"type":"Opportunity"},"Id":"006XYZ","Name":"Short Id"}""",
            connection.Scalar("SELECT raw_record FROM int_rejects WHERE reason = 'invalid_id' AND entity = 'opportunities'"));
        Assert.Equal(["salesforce | NULL | NULL"],
            connection.Lines("SELECT DISTINCT source, sheet_id, row_id FROM int_rejects WHERE entity = 'opportunities'"));
    }

    [Fact]
    public void Stage_history_orders_each_opportunitys_changes_and_marks_stage_changes()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        Assert.Equal(
            [
                "008RO00000Hist1YAA | 006RO00000AbCdEYAV | Negotiation/Review | NULL | true | 120000.00 | 90.00 | 2024-05-15 | 2024-04-20 14:02:11 | 2024-04-25 09:00:00",
                "008RO00000Hist2YAA | 006RO00000AbCdEYAV | Negotiation/Review | Negotiation/Review | false | 125000.00 | 90.00 | 2024-05-15 | 2024-04-25 09:00:00 | 2024-05-01 12:34:56",
                "008RO00000Hist3YAA | 006RO00000AbCdEYAV | Closed Won | Negotiation/Review | true | 125000.00 | 100.00 | 2024-05-01 | 2024-05-01 12:34:56 | NULL",
            ],
            connection.Lines("""
                SELECT history_id, opportunity_id, stage_name, previous_stage_name, is_stage_change, amount, probability, close_date,
                       changed_at, next_changed_at
                FROM fct_opportunity_stage_history ORDER BY changed_at
                """));
        Assert.Equal(
            ["1 | 008RO00000Hist4YAA | OpportunityId | missing_id | the record has no OpportunityId"],
            connection.Lines("SELECT row_number - 3, record_key, field, reason, detail FROM int_rejects WHERE entity = 'opportunity_history'"));
    }

    [Fact]
    public void An_engagement_carries_its_opportunity_when_salesforce_has_it_and_has_not_deleted_it()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        Assert.Equal(
            [
                "006RO00000AbCdEYAV | true | Acme – Renewal ✓ | Closed Won | 2024-05-01 | 130000.00 | Jane Doe | true",
                "006RO00000AbCdHYAV | false | NULL | NULL | NULL | NULL | NULL | NULL",
            ],
            connection.Lines("""
                SELECT deal_id, has_opportunity, opportunity_name, opportunity_stage_name, opportunity_close_date, opportunity_amount,
                       opportunity_owner_name, opportunity_owner_id = md5('jane.doe@example.com')
                FROM dim_engagement ORDER BY deal_id
                """));
    }
}
