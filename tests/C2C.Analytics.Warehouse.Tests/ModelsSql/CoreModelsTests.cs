using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>dim_stage, dim_owner and dim_engagement's bookkeeping columns.</summary>
public class CoreModelsTests
{
    private const string OwnersPage = """
        {
          "totalSize": 2, "done": true,
          "records": [
            {"attributes": {"type": "Opportunity"}, "Id": "006000000000001AAA", "Name": "One", "OwnerId": "005RO000001QX8WYAW",
             "Owner": {"Name": "Jane Salesforce", "Email": "JANE@example.com"}},
            {"attributes": {"type": "Opportunity"}, "Id": "006000000000009AAA", "Name": "Nine", "OwnerId": "005RO000001QX8XYAW",
             "Owner": {"Name": "Sam", "Email": "sam@example.com"}}
          ]
        }
        """;

    [Fact]
    public void Dim_stage_is_the_configured_lifecycle()
    {
        using var scenario = new ModelsScenario();
        using var connection = scenario.Build();

        Assert.Equal(
            [
                "intake | Intake | 1 | Sales | 2 | 5 | 0 | ",
                "sow_executed | SOW Executed | 2 | Sales | 10 | 5 | 1 | intake",
                "kickoff | Kickoff | 3 | Delivery | 5 | 5 | 1 | sow_executed",
            ],
            connection.Lines("""
                SELECT stage_key, stage_name, stage_order, owner_role, sla_bd, reminder_cadence_bd, len(prerequisites), prerequisites_text
                FROM dim_stage ORDER BY stage_order
                """));
    }

    [Fact]
    public void Dim_owner_has_one_row_per_email_with_the_usual_name_role_and_team()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles)
            .Row(11, 1, ("Opportunity ID", "006000000000001"), ("Region", "NA"),
                ("Sales Owner", Cell.Contact("Jane@Example.com", "Jane Doe")), ("Delivery Owner", Cell.Contact("bob@example.com", "Bob")))
            .Row(12, 2, ("Opportunity ID", "006000000000002"), ("Region", "NA"), ("Sales Owner", Cell.Contact("jane@example.com", "Jane D.")))
            .Row(13, 3, ("Opportunity ID", "006000000000003"), ("Region", "EMEA"), ("Delivery Owner", Cell.Contact("jane@example.com", "Jane Doe")))
            // A rejected row's owners are nobody's owners.
            .Row(14, 4, ("Opportunity ID", "bad"), ("Finance Owner", Cell.Contact("zed@example.com", "Zed"))));
        scenario.Opportunities(OwnersPage);

        using var connection = scenario.Build();

        Assert.Equal(
            [
                "bob@example.com | Bob | Delivery | Delivery | NA | NULL | true",
                // Sales twice, Delivery once; "Jane Doe" twice in the tracker (Salesforce's name comes after the tracker's); NA twice.
                "jane@example.com | Jane Doe | Sales | Delivery, Sales | NA | 005RO000001QX8WYAW | true",
                // Only in Salesforce: no tracker role or team.
                "sam@example.com | Sam | NULL | NULL | NULL | 005RO000001QX8XYAW | true",
            ],
            connection.Lines("""
                SELECT owner_email, owner_name, owner_role, owner_roles, team, salesforce_user_id, owner_id = md5(owner_email)
                FROM dim_owner ORDER BY owner_email
                """));
    }

    [Fact]
    public void Dim_engagement_rows_are_the_current_version_as_of_the_run()
    {
        using var scenario = new ModelsScenario { AsOf = new DateOnly(2025, 3, 31) };
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles).Row(11, 1, ("Opportunity ID", "006000000000001")));

        using var connection = scenario.Build();

        Assert.Equal("2025-03-31 | NULL | true", connection.Scalar("SELECT valid_from, valid_to, is_current FROM dim_engagement"));
        Assert.Equal(["DATE | DATE | BOOLEAN"], connection.Lines("SELECT typeof(valid_from), typeof(valid_to), typeof(is_current) FROM dim_engagement"));
    }

    [Fact]
    public void With_nothing_landed_every_model_builds_empty()
    {
        using var scenario = new ModelsScenario();
        using var connection = scenario.Build();

        foreach (var table in new[] { "dim_engagement", "dim_owner", "bridge_engagement_owner", "fct_opportunity", "fct_opportunity_stage_history", "int_rejects", "int_engagement_stages", "int_missing_tracker_columns" })
        {
            Assert.Equal(0, connection.Count($"SELECT * FROM {table}"));
        }
    }
}
