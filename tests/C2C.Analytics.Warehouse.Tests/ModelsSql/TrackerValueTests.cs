using System.Text.Json.Nodes;
using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>How tracker cells become values: trimmed, non-ASCII kept, amounts, terms, owners, statuses, evidence.</summary>
public class TrackerValueTests
{
    private static ModelsScenario Scenario()
    {
        var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "Région Süd", TrackerTemplate.Titles)
            .Row(11, 1,
                ("Opportunity ID", "006000000000001"),
                ("Engagement", "  Société Générale — Phase 2\u00a0"),
                ("Account", "北京 Ltd"),
                ("Region", "EMEA"),
                ("Contract Value", 48000.5),
                ("Currency", " eur "),
                ("Intake Date", "2025-01-06"),
                ("Payment Terms", "Net 45"),
                ("Sales Owner", Cell.Contact("Jane.Doe@Example.com", "Jane Doe")),
                ("Delivery Owner", Cell.Contact("TBD", "TBD")),
                ("Finance Owner", new Cell("ops@example.com", DisplayValue: "Ops",
                    ObjectValue: JsonNode.Parse("""{"objectType": "CONTACT", "email": "Ops@Example.com", "name": "Øps Team"}"""))),
                ("Intake Status", "  in   PROGRESS "),
                ("Intake Evidence", new Cell("signed PDF", Url: "https://example.com/x")),
                ("Intake Notes", "Kunde wünscht 📄\nzweite Zeile "),
                ("SOW Executed Status", "N/A"),
                ("SOW Executed Evidence", "https://drive.example.com/sow"),
                ("Kickoff Status", null),
                ("Kickoff Date", "2025-02-03"),
                ("Kickoff Evidence", true))
            .Row(12, 2,
                ("Opportunity ID", "006000000000002AAA"),
                ("Contract Value", "$1,250.00"),
                ("Currency", "USD"),
                ("Payment Terms", 30),
                ("Intake Evidence", false)));
        return scenario;
    }

    [Fact]
    public void Key_fields_are_trimmed_typed_and_keep_non_ascii_text()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        Assert.Equal(
            [
                "006000000000001AAA | Société Générale — Phase 2 | 北京 Ltd | EMEA | 48000.50 | EUR | 2025-01-06 | Net 45 | 45 | Région Süd",
                "006000000000002AAA | NULL | NULL | NULL | 1250.00 | USD | NULL | 30 | 30 | Région Süd",
            ],
            connection.Lines("""
                SELECT deal_id, engagement_name, account, region, contract_value, currency, intake_date, payment_terms,
                       payment_terms_days, source_sheet_name
                FROM dim_engagement ORDER BY deal_id
                """));
        Assert.Equal(["DECIMAL(18,2) | DATE | INTEGER"],
            connection.Lines("SELECT DISTINCT typeof(contract_value), typeof(intake_date), typeof(payment_terms_days) FROM dim_engagement"));
    }

    [Fact]
    public void Stage_cells_give_canonical_status_dates_evidence_and_notes()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        Assert.Equal(
            [
                // "  in   PROGRESS " matches "In Progress": case and runs of spaces do not matter; the text is kept trimmed.
                "006000000000001AAA | intake | in_progress | false | in   PROGRESS | NULL | https://example.com/x | signed PDF | true | Kunde wünscht 📄\nzweite Zeile",
                "006000000000001AAA | sow_executed | not_applicable | false | N/A | NULL | https://drive.example.com/sow | https://drive.example.com/sow | true | NULL",
                // No status but a completion date: complete (inferred). A ticked checkbox is evidence.
                "006000000000001AAA | kickoff | complete | true | NULL | 2025-02-03 | NULL | true | true | NULL",
                "006000000000002AAA | intake | not_started | true | NULL | NULL | NULL | false | false | NULL",
                "006000000000002AAA | sow_executed | not_started | true | NULL | NULL | NULL | NULL | false | NULL",
                "006000000000002AAA | kickoff | not_started | true | NULL | NULL | NULL | NULL | false | NULL",
            ],
            connection.Lines("""
                SELECT deal_id, stage_key, status, is_status_inferred, status_text, completed_on, evidence_url, evidence_text,
                       evidence_present, notes
                FROM int_engagement_stages ORDER BY deal_id, stage_order
                """));
    }

    [Fact]
    public void Owner_cells_give_lower_case_emails_and_names_and_free_text_is_no_owner()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        Assert.Equal(
            ["Delivery | TBD | NULL | TBD", "Finance | ops@example.com | ops@example.com | Øps Team", "Sales | Jane.Doe@Example.com | jane.doe@example.com | Jane Doe"],
            connection.Lines("SELECT owner_role, owner_text, owner_email, owner_name FROM stg_smartsheet__tracker_owners ORDER BY owner_role"));
        Assert.Equal(
            ["006000000000001AAA | Finance | ops@example.com | Øps Team", "006000000000001AAA | Sales | jane.doe@example.com | Jane Doe"],
            connection.Lines("SELECT deal_id, owner_role, owner_email, owner_name FROM bridge_engagement_owner ORDER BY owner_role"));
        Assert.Equal(
            "true | true | true",
            connection.Scalar("""
                SELECT sales_owner_id = md5('jane.doe@example.com'), delivery_owner_id IS NULL, finance_owner_id = md5('ops@example.com')
                FROM dim_engagement WHERE deal_id = '006000000000001AAA'
                """));
    }
}
