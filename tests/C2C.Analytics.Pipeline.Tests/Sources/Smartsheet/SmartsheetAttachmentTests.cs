using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet;

/// <summary>
/// Row attachments as evidence, against the fake Smartsheet: asked for only when a stage counts them, read from the
/// same sheet response (no request per row), and turned into evidence for the stages whose pattern they match.
/// </summary>
public sealed class SmartsheetAttachmentTests : IDisposable
{
    private PipelineHarness? _harness;

    public void Dispose() => _harness?.Dispose();

    [Fact]
    public async Task A_stage_configured_for_attachments_gets_its_evidence_from_a_matching_row_attachment()
    {
        var tracker = TestTracker.Options();
        tracker.Stages![1].EvidenceAttachment = "invoice*.pdf";
        _harness = new PipelineHarness(tracker);
        await using var server = new FakeSmartsheet();
        var sheet = server.Add(TestTracker.Sheet(1, "Tracker", [1, 2, 3]));
        sheet.Rows[0].Attachments.Add("Invoice-0042.PDF"); // matches invoice*.pdf, case ignored
        sheet.Rows[1].Attachments.Add("timesheet.pdf");    // an attachment, but not an invoice

        await _harness.RunAsync(_harness.Extractor(_harness.Options(server, 1)));

        Assert.All(server.Requests.Where(r => r.StartsWith("/2.0/sheets/1?", StringComparison.Ordinal)),
            r => Assert.Contains("include=objectValue,attachments", r, StringComparison.Ordinal));
        Assert.DoesNotContain(server.Requests, r => r.Contains("/attachments", StringComparison.Ordinal));
        Assert.Equal(
            [(TestTracker.DealId(1), true), (TestTracker.DealId(2), false), (TestTracker.DealId(3), false)],
            _harness.Query<(string, bool)>("""
                SELECT deal_id, evidence_present FROM int_engagement_stages WHERE stage_key = 'invoice_sent' ORDER BY deal_id
                """));
    }

    [Fact]
    public async Task Without_an_attachment_pattern_attachments_are_neither_requested_nor_evidence()
    {
        _harness = new PipelineHarness();
        await using var server = new FakeSmartsheet();
        var sheet = server.Add(TestTracker.Sheet(1, "Tracker", [1]));
        sheet.Rows[0].Attachments.Add("Invoice-0042.pdf");

        await _harness.RunAsync(_harness.Extractor(_harness.Options(server, 1)));

        Assert.All(server.Requests, r => Assert.DoesNotContain("attachments", r, StringComparison.Ordinal));
        Assert.Equal([false], _harness.Query<bool>("SELECT evidence_present FROM int_engagement_stages WHERE stage_key = 'invoice_sent'"));
    }
}
