using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>Every tracker reject reason: one reject row per problem, the row kept out of dim_engagement.</summary>
public class TrackerRejectTests
{
    [Fact]
    public void Every_problem_is_one_reject_row_naming_the_value_and_the_column()
    {
        using var scenario = new ModelsScenario { AsOf = new DateOnly(2025, 6, 30) };
        scenario.Sheet(SamplePages.RowPerReason());

        using var connection = scenario.Build();

        Assert.Equal(
            [
                "2 | NULL | NULL | empty_row | the row has no value in any configured column",
                "3 | NULL | opportunity_id | missing_id | no value in column \"Opportunity ID\"",
                "4 | 00600000000001 | opportunity_id | invalid_id | \"00600000000001\" in column \"Opportunity ID\" is not a Salesforce ID: a Salesforce ID has 15 or 18 letters and digits",
                "5 | 006000000000005AAB | opportunity_id | invalid_id | \"006000000000005AAB\" in column \"Opportunity ID\" is not a Salesforce ID: its last three characters must be the checksum of the first 15 (AAA)",
                "6 | 006000000000006AAA | opportunity_id | duplicate_id | \"006000000000006\" in column \"Opportunity ID\": deal 006000000000006AAA is on 2 rows: North row 6, North row 7",
                "7 | 006000000000006AAA | opportunity_id | duplicate_id | \"006000000000006AAA\" in column \"Opportunity ID\": deal 006000000000006AAA is on 2 rows: North row 6, North row 7",
                "8 | 006000000000008AAA | intake_date | unparseable_date | \"01/06/2025\" in column \"Intake Date\" is not a date written YYYY-MM-DD",
                "9 | 006000000000009AAA | contract_value | unparseable_amount | \"1.250,00\" in column \"Contract Value\" is not an amount (accepted: 1250, 1250.50, 1,250.50, $1,250.50)",
                "10 | 006000000000010AAA | payment_terms | unparseable_payment_terms | \"2/10 Net 30\" in column \"Payment Terms\" is not payment terms (accepted: Net 30, 30, 30 days, Due on receipt)",
                "11 | 006000000000011AAA | stage_status:sow_executed | unknown_status | \"Signed\" in column \"SOW Executed Status\" is not a configured status text",
                "12 | 006000000000012AAA | stage_date:kickoff | unparseable_date | \"next week\" in column \"Kickoff Date\" is not a date written YYYY-MM-DD",
                "13 | 006000000000013AAA | stage_date:kickoff | completion_after_as_of | \"2025-07-01\" in column \"Kickoff Date\" is after the run's as-of date 2025-06-30",
                // A formula error is the only problem reported for its cell (the text is not a date either).
                "14 | 006000000000014AAA | stage_date:kickoff | formula_error | column \"Kickoff Date\" holds the formula error \"#INVALID DATA TYPE\" (formula =WORKDAY([Intake Date]@row, 5))",
                // One row, three problems: three reject rows, one record.
                "15 | bad id | intake_date | unparseable_date | \"2025-13-01\" in column \"Intake Date\" is not a date written YYYY-MM-DD",
                "15 | bad id | opportunity_id | invalid_id | \"bad id\" in column \"Opportunity ID\" is not a Salesforce ID: a Salesforce ID has 15 or 18 letters and digits",
                "15 | bad id | stage_status:intake | unknown_status | \"Started?\" in column \"Intake Status\" is not a configured status text",
                "16 | #NO MATCH | opportunity_id | formula_error | column \"Opportunity ID\" holds the formula error \"#NO MATCH\" (formula =INDEX(x))",
            ],
            connection.Lines("SELECT row_number, record_key, field, reason, detail FROM int_rejects ORDER BY row_number, field"));
        Assert.Equal(["smartsheet | tracker | 1"], connection.Lines("SELECT DISTINCT source, entity, sheet_id FROM int_rejects"));
        Assert.Equal(["006000000000001AAA | 101"], connection.Lines("SELECT deal_id, source_row_id FROM dim_engagement"));
        Assert.Equal(["006000000000001AAA"], connection.Lines("SELECT DISTINCT deal_id FROM int_engagement_stages"));
    }

    [Fact]
    public void Checked_rows_list_their_problems_and_only_rows_without_any_load()
    {
        using var scenario = new ModelsScenario { AsOf = new DateOnly(2025, 6, 30) };
        scenario.Sheet(SamplePages.RowPerReason());

        using var connection = scenario.Build();

        Assert.Equal(
            ["101 | 0 | true | ", "115 | 3 | false | intake_date/unparseable_date, opportunity_id/invalid_id, stage_status:intake/unknown_status"],
            connection.Lines("""
                SELECT row_id, problem_count, is_loadable,
                       array_to_string(list_transform(problems, lambda p: p.field || '/' || p.reason), ', ')
                FROM int_tracker_rows_checked WHERE row_id IN (101, 115) ORDER BY row_id
                """));
    }

    [Fact]
    public void A_reject_keeps_the_whole_row_as_sent_keyed_by_column_title()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "Nörth", [.. TrackerTemplate.Titles, "Internal Comments"])
            .Row(11, 1, ("Opportunity ID", "bad"), ("Engagement", "Café ☕ \"Ünïcødé\""), ("Region", null), ("Contract Value", 125000),
                ("Sales Owner", Cell.Contact("jane@example.com", "Jane Doe")), ("Kickoff Date", Cell.FormulaError("#INVALID DATA TYPE")),
                ("Kickoff Evidence", new Cell("SOW.pdf", Url: "https://example.com/sow.pdf")), ("Internal Comments", "keep me")));

        using var connection = scenario.Build();

        Assert.Equal(
            """{"sheet_id":1,"sheet_name":"Nörth","row_id":11,"row_number":1,"cells":{"Opportunity ID":"bad","Engagement":"Café ☕ \"Ünïcødé\"","Region":null,"Contract Value":125000,"Sales Owner":{"value":"jane@example.com","displayValue":"Jane Doe"},"Kickoff Date":{"value":"#INVALID DATA TYPE","formula":"=WORKDAY([Intake Date]@row, 5)"},"Kickoff Evidence":{"value":"SOW.pdf","hyperlink":"https://example.com/sow.pdf"},"Internal Comments":"keep me"}}""",
            Assert.Single(connection.Lines("SELECT DISTINCT raw_record FROM int_rejects")));
    }

    [Fact]
    public void The_same_deal_on_two_sheets_rejects_both_copies()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles).Row(11, 4, ("Opportunity ID", "001A0000006Vm9r")));
        scenario.Sheet(new SheetPage(2, "South", TrackerTemplate.Titles).Row(21, 9, ("Opportunity ID", " 001A0000006Vm9rIAC ")));

        using var connection = scenario.Build();

        Assert.Equal(
            ["North | 4 | deal 001A0000006Vm9rIAC is on 2 rows: North row 4, South row 9",
             "South | 9 | deal 001A0000006Vm9rIAC is on 2 rows: North row 4, South row 9"],
            connection.Lines("""
                SELECT p.sheet_name, r.row_number, regexp_extract(r.detail, 'deal .*')
                FROM int_rejects AS r JOIN int_tracker_row_problems AS p USING (row_id)
                WHERE r.reason = 'duplicate_id' ORDER BY r.row_number
                """));
        Assert.Equal(0, connection.Count("SELECT * FROM dim_engagement"));
    }
}
