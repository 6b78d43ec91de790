using System.Security.Cryptography;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet;

/// <summary>
/// Full reads against the fake Smartsheet: several sheets of one template in pages, landed byte for byte, through the
/// whole pipeline into dim_engagement; workspace and folder discovery skipping a sheet that is not the template.
/// </summary>
public sealed class SmartsheetReadTests : IDisposable
{
    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task Two_sheets_of_one_template_are_read_in_pages_stopping_on_the_row_count_and_landed_verbatim()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1, 2, 3, 4, 5]));
        // The second sheet has its columns in another order and one nobody configured.
        var reordered = TestTracker.Titles.Reverse().Append("Legacy Ref").ToArray();
        server.Add(TestTracker.Sheet(2, "APAC", [6, 7], reordered));
        var options = _harness.Options(server, 1, 2);
        options.PageSize = 2;

        var summary = await _harness.RunAsync(_harness.Extractor(options));

        // 5 rows in pages of 2: pages 1, 2 and 3 (3 holds row 5); a fourth request would repeat page 3.
        var sheetOne = server.Requests.Where(r => r.StartsWith("/2.0/sheets/1?", StringComparison.Ordinal)).ToList();
        Assert.Equal(["page=1", "page=2", "page=3"], sheetOne.Select(r => r.Split('&').Single(p => p.StartsWith("page=", StringComparison.Ordinal))));
        Assert.All(server.Requests, r => Assert.Contains("level=2&include=objectValue", r, StringComparison.Ordinal));
        Assert.Single(server.Requests, r => r.StartsWith("/2.0/sheets/2?", StringComparison.Ordinal));

        // Every landed file is byte for byte a body the server sent.
        var manifest = _harness.Landing.ReadManifest("smartsheet", "tracker", summary.Run.RunId)!;
        var sent = server.Log.Select(l => l.Sha256).ToHashSet();
        Assert.Equal(4, manifest.Files.Count);
        foreach (var path in _harness.Landing.FilePaths(manifest))
        {
            Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), sent);
        }

        var tracker = summary.Sources.Single(s => s.Source == "smartsheet");
        Assert.Equal((7L, 7L, 0L), (tracker.Extracted, tracker.Loaded, tracker.Rejected));
        var engagements = _harness.Query<(string DealId, long SheetId, long RowId, decimal Value)>(
            "SELECT deal_id, source_sheet_id, source_row_id, contract_value FROM dim_engagement WHERE is_current ORDER BY deal_id");
        Assert.Equal(
            Enumerable.Range(1, 7).Select(n => (TestTracker.DealId(n), n <= 5 ? 1L : 2L, TestTracker.RowId(n), 1000m)),
            engagements);
    }

    [Fact]
    public async Task Contacts_links_and_empty_cells_are_read_by_title_and_a_formula_error_is_rejected_not_fatal()
    {
        await using var server = new FakeSmartsheet();
        var sheet = server.Add(TestTracker.Sheet(1, "Tracker", [1, 2]));
        // Row 2's invoice date is a formula that fails: Smartsheet sends the error text as the value.
        sheet.Edit(TestTracker.RowId(2), DateTimeOffset.UtcNow, "Invoice Sent Date", FakeCell.Formula("#INVALID DATA TYPE", "=WORKDAY([Intake Date]@row, [Days]@row)"));

        var summary = await _harness.RunAsync(_harness.Extractor(_harness.Options(server, 1)));

        var reject = Assert.Single(_harness.Query<(long RowId, string Field, string Reason)>(
            "SELECT row_id, field, reason FROM etl_reject WHERE run_id = $run", new { run = summary.Run.RunId }));
        Assert.Equal((TestTracker.RowId(2), "stage_date:invoice_sent", "formula_error"), reject);
        Assert.Equal([TestTracker.DealId(1)], _harness.Query<string>("SELECT deal_id FROM dim_engagement WHERE is_current"));

        // The contact's e-mail (value) and name (display value); the evidence link (hyperlink); the empty delivery owner.
        var owners = _harness.Query<(string Role, string Email)>(
            "SELECT bridge.owner_role, owner.owner_email FROM bridge_engagement_owner AS bridge JOIN dim_owner AS owner USING (owner_id) ORDER BY 1");
        Assert.Equal([("Finance", "fin.ops@example.com"), ("Sales", "ana.sales@example.com")], owners);
        Assert.Equal(["https://example.com/sow/1"], _harness.Query<string>(
            "SELECT evidence_url FROM int_engagement_stages WHERE stage_key = 'intake'"));
    }

    [Fact]
    public async Task A_workspace_is_walked_through_its_folders_and_a_sheet_without_the_template_columns_is_skipped_and_reported()
    {
        await using var server = new FakeSmartsheet { ChildrenPageLimit = 1 };
        server.Add(TestTracker.Sheet(11, "2024", [1, 2]));
        server.Add(TestTracker.Sheet(12, "2025", [3]));
        var notes = server.Add(new FakeSheet(13, "Team notes", ["Opportunity ID", "Engagement", "Notes"]));
        notes.Add(1, DateTimeOffset.UtcNow, ("Opportunity ID", FakeCell.Text(TestTracker.OpportunityId(9))));
        server.Containers[900] = [("sheet", 11, "2024"), ("folder", 901, "Archive")];
        server.Containers[901] = [("sheet", 12, "2025"), ("sheet", 13, "Team notes")];
        var options = _harness.Options(server);
        options.WorkspaceIds = [900];

        var first = await _harness.RunAsync(_harness.Extractor(options));

        Assert.Equal([TestTracker.DealId(1), TestTracker.DealId(2), TestTracker.DealId(3)],
            _harness.Query<string>("SELECT deal_id FROM dim_engagement WHERE is_current ORDER BY 1"));
        var skipped = Assert.Single(_harness.Progress, p => p.Contains("skipped,", StringComparison.Ordinal));
        Assert.Contains("sheet 13 'Team notes'", skipped, StringComparison.Ordinal);
        Assert.Contains("Account", skipped, StringComparison.Ordinal);
        Assert.DoesNotContain(_harness.Landing.FilePaths(_harness.Landing.ReadManifest("smartsheet", "tracker", first.Run.RunId)!),
            p => p.Contains("sheet-13", StringComparison.Ordinal));
        // One child per listing page: the workspace takes two requests (lastKey), the folder two.
        Assert.Equal(4, server.Requests.Count(r => r.Contains("/children", StringComparison.Ordinal)));
        Assert.Contains(server.Requests, r => r.StartsWith("/2.0/workspaces/900/children", StringComparison.Ordinal) && r.Contains("lastKey=1", StringComparison.Ordinal));

        // Next run: the skipped sheet is only asked whether it changed.
        var before = server.Log.Count;
        await _harness.RunAsync(_harness.Extractor(options));
        var notesRequests = server.Requests.Skip(before).Where(r => r.StartsWith("/2.0/sheets/13", StringComparison.Ordinal)).ToList();
        Assert.Contains("ifVersionAfter=" + notes.Version, Assert.Single(notesRequests), StringComparison.Ordinal);
    }
}
