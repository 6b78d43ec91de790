using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>Tracker columns are found by title, per sheet; sheets that share the template load as one tracker.</summary>
public class TrackerMappingTests
{
    private const string EngagementColumns = """
        SELECT deal_id, engagement_name, account, region, contract_value, currency, intake_date, payment_terms_days,
               source_sheet_name, source_row_id, source_row_number
        FROM dim_engagement ORDER BY deal_id
        """;

    [Fact]
    public void A_sheet_with_extra_reordered_and_differently_spelt_columns_maps_like_the_template()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles)
            .Row(101, 1, ("Opportunity ID", "001A0000006Vm9rIAC"), ("Engagement", "Platform rollout"), ("Account", "Acme"),
                ("Region", "NA"), ("Contract Value", 125000), ("Currency", "USD"), ("Intake Date", "2025-01-06"), ("Payment Terms", "Net 30")));
        // South: an extra column first, the template's columns in reverse order, two titles in other case and spacing,
        // and another extra column in the middle.
        string[] southTitles =
        [
            "Row Label",
            .. TrackerTemplate.Titles.Reverse().Select(t => t switch
            {
                "Opportunity ID" => "opportunity id",
                "Contract Value" => "  CONTRACT VALUE ",
                "Account" => "Internal Comments", // replaced below, so the list keeps every template title
                _ => t,
            }),
            "Account",
        ];
        scenario.Sheet(new SheetPage(2, "South", southTitles)
            .Row(201, 1, ("Row Label", "x"), ("opportunity id", "003E0000007hWKJ"), ("Engagement", "Data migration"), ("Account", "Globex"),
                ("Region", "EMEA"), ("  CONTRACT VALUE ", "$48,000.50"), ("Currency", "eur"), ("Intake Date", "2025-02-03"),
                ("Payment Terms", "NET 45"), ("Internal Comments", "not configured: ignored")));

        using var connection = scenario.Build();

        Assert.Equal(
            [
                "001A0000006Vm9rIAC | Platform rollout | Acme | NA | 125000.00 | USD | 2025-01-06 | 30 | North | 101 | 1",
                "003E0000007hWKJIA2 | Data migration | Globex | EMEA | 48000.50 | EUR | 2025-02-03 | 45 | South | 201 | 1",
            ],
            connection.Lines(EngagementColumns));
        Assert.Empty(connection.Lines("SELECT * FROM int_missing_tracker_columns"));
        Assert.Empty(connection.Lines("SELECT * FROM int_rejects"));
    }

    [Fact]
    public void Sheets_that_share_the_template_load_as_one_tracker()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "Tracker 2024", TrackerTemplate.Titles)
            .Row(11, 1, ("Opportunity ID", "006000000000001"), ("Region", "NA"), ("Intake Status", "Done"))
            .Row(12, 2, ("Opportunity ID", "006000000000002"), ("Region", "NA")));
        scenario.Sheet(new SheetPage(2, "Tracker 2025", TrackerTemplate.Titles)
            .Row(21, 1, ("Opportunity ID", "006000000000003"), ("Region", "APAC"), ("Kickoff Status", "Blocked"))
            .Row(22, 2, ("Opportunity ID", "006000000000004"), ("Region", "APAC")));

        using var connection = scenario.Build();

        Assert.Equal(
            ["006000000000001AAA | Tracker 2024 | 1", "006000000000002AAA | Tracker 2024 | 2",
             "006000000000003AAA | Tracker 2025 | 1", "006000000000004AAA | Tracker 2025 | 2"],
            connection.Lines("SELECT deal_id, source_sheet_name, source_row_number FROM dim_engagement ORDER BY deal_id"));
        Assert.Equal(
            ["006000000000001AAA | intake | complete", "006000000000003AAA | kickoff | blocked"],
            connection.Lines("SELECT deal_id, stage_key, status FROM int_engagement_stages WHERE NOT is_status_inferred ORDER BY deal_id"));
        Assert.Equal(4 * 3, connection.Count("SELECT * FROM int_engagement_stages"));
    }

    [Fact]
    public void A_configured_column_missing_from_a_sheet_is_listed_with_the_sheet_and_the_title()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles).Row(11, 1, ("Opportunity ID", "006000000000001")));
        scenario.Sheet(new SheetPage(2, "South", [.. TrackerTemplate.Titles.Where(t => t is not ("Region" or "Kickoff Notes"))])
            .Row(21, 1, ("Opportunity ID", "006000000000002")));

        using var connection = scenario.Build();

        // The pipeline reads exactly these two columns and stops the run, naming them.
        Assert.Equal(
            ["South | Kickoff Notes", "South | Region"],
            connection.Lines("SELECT sheet_name, title FROM int_missing_tracker_columns ORDER BY sheet_name, title"));
    }

    [Fact]
    public void One_sheet_column_configured_for_two_fields_serves_both()
    {
        // The intake stage's completion date configured as the tracker's "Intake Date" column.
        using var scenario = new ModelsScenario();
        var index = scenario.Columns.FindIndex(c => c is { Field: "stage_date", StageKey: "intake" });
        scenario.Columns[index] = scenario.Columns[index] with { Title = "Intake Date" };
        scenario.Sheet(new SheetPage(1, "North", [.. TrackerTemplate.Titles.Where(t => t != "Intake Completed")])
            .Row(11, 1, ("Opportunity ID", "006000000000001"), ("Intake Date", "2025-01-06")));

        using var connection = scenario.Build();

        Assert.Empty(connection.Lines("SELECT * FROM int_missing_tracker_columns"));
        Assert.Equal("2025-01-06", connection.Scalar("SELECT intake_date FROM dim_engagement"));
        Assert.Equal("2025-01-06 | complete",
            connection.Scalar("SELECT completed_on, status FROM int_engagement_stages WHERE stage_key = 'intake'"));
    }

    [Fact]
    public void A_sheet_landed_in_two_pages_loads_every_row_once_and_its_columns_once()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles)
            .Row(11, 1, ("Opportunity ID", "006000000000001"))
            .Row(12, 2, ("Opportunity ID", "006000000000002")));
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles)
            .Row(13, 3, ("Opportunity ID", "006000000000003")));

        using var connection = scenario.Build();

        Assert.Equal(["11 | 1", "12 | 2", "13 | 3"],
            connection.Lines("SELECT source_row_id, source_row_number FROM dim_engagement ORDER BY source_row_id"));
        Assert.Equal(TrackerTemplate.Titles.Length, connection.Count("SELECT * FROM stg_smartsheet__columns"));
        Assert.Empty(connection.Lines("SELECT * FROM int_missing_tracker_columns"));
    }

    [Fact]
    public void A_row_that_sends_no_cell_for_a_stage_still_has_every_stage()
    {
        // exclude=nonexistentCells: never-touched cells are left out of the response altogether.
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles)
            .Row(11, 1, ("Opportunity ID", "006000000000001"), ("SOW Executed Date", "2025-02-01")));

        using var connection = scenario.Build();

        Assert.Equal(
            ["intake | not_started | true | NULL", "sow_executed | complete | true | 2025-02-01", "kickoff | not_started | true | NULL"],
            connection.Lines("SELECT stage_key, status, is_status_inferred, completed_on FROM int_engagement_stages ORDER BY stage_order"));
    }
}
