using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>
/// A row attachment counts as a stage's evidence only where the stage is configured with a name pattern
/// (cfg_stage.evidence_attachment_like, a LIKE pattern with \ as escape), and only a row's own attachments count.
/// </summary>
public class AttachmentEvidenceTests
{
    // intake: any attachment; sow_executed: names like "*SOW*.pdf" (the pipeline writes %SOW%.pdf); kickoff: none.
    private static readonly ConfiguredStage[] Stages =
    [
        TrackerTemplate.Stages[0] with { EvidenceAttachmentLike = "%" },
        TrackerTemplate.Stages[1] with { EvidenceAttachmentLike = "%SOW%.pdf" },
        TrackerTemplate.Stages[2],
    ];

    private static ModelsScenario Scenario()
    {
        var scenario = new ModelsScenario { Stages = Stages };
        scenario.Sheet(new SheetPage(1, "Tracker", TrackerTemplate.Titles)
            // Row 1: "acme-sow-signed.PDF" matches %SOW%.pdf with case ignored → intake and SOW have evidence.
            .Row(11, 1, ("Opportunity ID", "006000000000001AAA"), ("Intake Date", "2025-01-06"))
            .Attachments(("acme-sow-signed.PDF", "ROW"))
            // Row 2: "notes.txt" is any attachment (intake) but not a SOW PDF → only intake.
            .Row(12, 2, ("Opportunity ID", "006000000000002AAA"), ("Intake Date", "2025-01-06"))
            .Attachments(("notes.txt", "ROW"))
            // Row 3: the SOW PDF hangs on a comment, not the row → no evidence anywhere.
            .Row(13, 3, ("Opportunity ID", "006000000000003AAA"), ("Intake Date", "2025-01-06"))
            .Attachments(("SOW.pdf", "COMMENT"))
            // Row 4: no attachments, a link in the SOW evidence column → only SOW, as before.
            .Row(14, 4, ("Opportunity ID", "006000000000004AAA"), ("Intake Date", "2025-01-06"),
                ("SOW Executed Evidence", new Cell("SOW", Url: "https://example.com/sow")))
            // Row 5: "SOW_v2.pdf": the underscore is a literal, still a match of %SOW%.pdf.
            .Row(15, 5, ("Opportunity ID", "006000000000005AAA"), ("Intake Date", "2025-01-06"))
            .Attachments(("SOW_v2.pdf", "ROW"), ("SOW_v2.pdf", "ROW")));
        return scenario;
    }

    [Fact]
    public void A_matching_row_attachment_is_evidence_for_the_stages_that_count_attachments()
    {
        using var scenario = Scenario();
        using var connection = scenario.Build();

        Assert.Equal(
            [
                "006000000000001AAA | intake | true | true",
                "006000000000001AAA | sow_executed | true | true",
                "006000000000001AAA | kickoff | false | false",
                "006000000000002AAA | intake | true | true",
                "006000000000002AAA | sow_executed | false | false",
                "006000000000002AAA | kickoff | false | false",
                "006000000000003AAA | intake | false | false",
                "006000000000003AAA | sow_executed | false | false",
                "006000000000003AAA | kickoff | false | false",
                "006000000000004AAA | intake | false | false",
                "006000000000004AAA | sow_executed | true | false",
                "006000000000004AAA | kickoff | false | false",
                // Two copies of one file: still one row per stage, not two.
                "006000000000005AAA | intake | true | true",
                "006000000000005AAA | sow_executed | true | true",
                "006000000000005AAA | kickoff | false | false",
            ],
            connection.Lines("""
                SELECT deal_id, stage_key, evidence_present, has_evidence_attachment
                FROM int_engagement_stages ORDER BY deal_id, stage_order
                """));
    }

    [Fact]
    public void Without_a_pattern_attachments_are_not_evidence()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(new SheetPage(1, "Tracker", TrackerTemplate.Titles)
            .Row(11, 1, ("Opportunity ID", "006000000000001AAA"), ("Intake Date", "2025-01-06"))
            .Attachments(("SOW.pdf", "ROW")));
        using var connection = scenario.Build();

        Assert.Equal(["1"], connection.Lines("SELECT count(*) FROM stg_smartsheet__tracker_attachments"));
        Assert.Equal(["0"], connection.Lines("SELECT count(*) FROM int_engagement_stages WHERE evidence_present"));
    }
}
