using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Models;
using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>
/// dim_engagement keeps history: runs on consecutive as-of dates into one warehouse, each from a hand-built tracker
/// sheet. A change that matters (contract value, an owner, a stage's status or date) closes the current version and
/// opens one; notes and a moved row do not; a deal gone from the tracker is closed; a rejected row keeps its version.
/// Version keys count 1, 2, … in the order versions open, deals in deal_id order within a run.
/// </summary>
public sealed class EngagementHistoryTests : IDisposable
{
    private static readonly DateOnly Monday = new(2025, 6, 2);
    private static readonly DateOnly Tuesday = new(2025, 6, 3);
    private static readonly DateOnly Wednesday = new(2025, 6, 4);

    private const string Versions = """
        SELECT engagement_version_key, right(deal_id, 4), contract_value, valid_from, valid_to, is_current, is_loaded
        FROM dim_engagement ORDER BY deal_id, valid_from
        """;

    private readonly DuckDbConnection _warehouse = new("Data Source=:memory:");

    public EngagementHistoryTests() => _warehouse.Open();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void A_contract_value_edit_closes_the_current_version_and_opens_a_new_one_from_the_run_date()
    {
        Run(Monday, Row(1), Row(2));
        Run(Tuesday, Row(1, value: 1500m), Row(2));

        Assert.Equal(
            [
                // Monday opened 1 (deal 1) and 2 (deal 2); Tuesday closed 1 on Tuesday (exclusive) and opened 3.
                "1 | 1AAA | 1000.00 | 2025-06-02 | 2025-06-03 | false | false",
                "3 | 1AAA | 1500.00 | 2025-06-03 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-06-02 | NULL | true | true",
            ],
            _warehouse.Lines(Versions));
        Assert.Equal("false", _warehouse.Scalar("""
            SELECT (SELECT row_hash FROM dim_engagement WHERE engagement_version_key = 1)
                 = (SELECT row_hash FROM dim_engagement WHERE engagement_version_key = 3)
            """));
    }

    [Fact]
    public void Edited_notes_and_a_moved_row_open_nothing_but_the_current_version_points_at_the_row_where_it_is_now()
    {
        Run(Monday, Row(1), Row(2));
        var hashBefore = _warehouse.Scalar("SELECT row_hash FROM dim_engagement WHERE deal_id = '006000000000001AAA'");

        // Deal 1's SOW notes change, and its row moves from row 1 to row 5 of the sheet: nothing that is tracked.
        Run(Tuesday, Row(1, notes: "Customer asked for a second signatory", rowNumber: 5), Row(2));

        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-06-02 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-06-02 | NULL | true | true",
            ],
            _warehouse.Lines(Versions));
        Assert.Equal("5 | " + hashBefore, _warehouse.Scalar("SELECT source_row_number, row_hash FROM dim_engagement WHERE deal_id = '006000000000001AAA'"));
    }

    [Fact]
    public void A_new_owner_and_a_completed_stage_each_open_a_version_that_shows_what_changed()
    {
        Run(Monday, Row(1), Row(2));
        Run(Tuesday, Row(1, salesOwner: "bo@example.com"), Row(2, sowCompleted: "2025-06-02"));

        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-06-02 | 2025-06-03 | false | false",
                "3 | 1AAA | 1000.00 | 2025-06-03 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-06-02 | 2025-06-03 | false | false",
                "4 | 2AAA | 1000.00 | 2025-06-03 | NULL | true | true",
            ],
            _warehouse.Lines(Versions));
        Assert.Equal(
            [
                "1 | Sales: ana@example.com | " + Progress("in_progress", null),
                "3 | Sales: bo@example.com | " + Progress("in_progress", null),
                "2 | Sales: ana@example.com | " + Progress("in_progress", null),
                "4 | Sales: ana@example.com | " + Progress("complete", "\"2025-06-02\""),
            ],
            _warehouse.Lines("SELECT engagement_version_key, owner_emails, stage_progress FROM dim_engagement ORDER BY deal_id, valid_from"));
        Assert.Equal(
            ["1 | " + OwnerKey("ana@example.com"), "3 | " + OwnerKey("bo@example.com")],
            _warehouse.Lines("SELECT engagement_version_key, sales_owner_id FROM dim_engagement WHERE deal_id = '006000000000001AAA' ORDER BY 1"));
    }

    [Fact]
    public void A_deal_gone_from_the_tracker_has_its_version_closed_and_a_deal_that_comes_back_opens_a_new_one()
    {
        Run(Monday, Row(1), Row(2));
        Run(Tuesday, Row(1));

        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-06-02 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-06-02 | 2025-06-03 | false | false",
            ],
            _warehouse.Lines(Versions));

        Run(Wednesday, Row(1), Row(2));

        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-06-02 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-06-02 | 2025-06-03 | false | false",
                // Not in the tracker on Tuesday: a gap, then a new version from Wednesday.
                "3 | 2AAA | 1000.00 | 2025-06-04 | NULL | true | true",
            ],
            _warehouse.Lines(Versions));
    }

    [Fact]
    public void A_rejected_row_keeps_its_current_version_but_does_not_count_as_loaded_and_loads_again_once_fixed()
    {
        Run(Monday, Row(1), Row(2), Row(3));

        // Row 2's intake date no longer parses (its deal ID still names the deal); row 3's ID is mistyped (only its
        // sheet row still ties it to deal 3). Both rows are rejected; neither deal is closed.
        Run(Tuesday, Row(1), Row(2, intakeDate: "06/05/2025"), Row(3, opportunityId: "00600000000003"));

        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-06-02 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-06-02 | NULL | true | false",
                "3 | 3AAA | 1000.00 | 2025-06-02 | NULL | true | false",
            ],
            _warehouse.Lines(Versions));
        // What the run loaded, counted as the pipeline's reconciliation counts it: 3 rows = 1 loaded + 2 rejected.
        Assert.Equal("1", _warehouse.Scalar("SELECT count(*) FROM dim_engagement WHERE is_current AND is_loaded"));
        Assert.Equal("2", _warehouse.Scalar("SELECT count(DISTINCT row_id) FROM int_rejects"));
        // The stages of a rejected row are not this run's: only deal 1's three stages are.
        Assert.Equal(["006000000000001AAA | 3"], _warehouse.Lines("SELECT deal_id, count(*) FROM int_engagement_stages GROUP BY ALL"));

        // Fixed on Wednesday: deal 2 with a new value opens a version, deal 3 as it was loads again without one.
        Run(Wednesday, Row(1), Row(2, value: 2500m), Row(3));

        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-06-02 | NULL | true | true",
                "2 | 2AAA | 1000.00 | 2025-06-02 | 2025-06-04 | false | false",
                "4 | 2AAA | 2500.00 | 2025-06-04 | NULL | true | true",
                "3 | 3AAA | 1000.00 | 2025-06-02 | NULL | true | true",
            ],
            _warehouse.Lines(Versions));
    }

    [Fact]
    public void A_second_run_on_the_same_date_replaces_what_the_first_did_on_it()
    {
        Run(Monday, Row(1));
        Run(Tuesday, Row(1, value: 1500m));
        Run(Tuesday, Row(1, value: 2000m));

        // Not three versions, nor one valid from Tuesday to Tuesday: Tuesday's second run replaced the first.
        Assert.Equal(
            [
                "1 | 1AAA | 1000.00 | 2025-06-02 | 2025-06-03 | false | false",
                "2 | 1AAA | 2000.00 | 2025-06-03 | NULL | true | true",
            ],
            _warehouse.Lines(Versions));

        // A third run on Tuesday that sees Monday's value again: Tuesday changed nothing after all.
        Run(Tuesday, Row(1));

        Assert.Equal(["1 | 1AAA | 1000.00 | 2025-06-02 | NULL | true | true"], _warehouse.Lines(Versions));
    }

    [Fact]
    public void A_run_dated_before_the_history_is_refused_and_changes_nothing()
    {
        Run(Tuesday, Row(1));
        Run(Wednesday, Row(1, value: 1500m));
        var before = _warehouse.Lines(Versions);

        var error = Assert.Throws<ModelRefusedException>(() => Run(Tuesday, Row(1, value: 900m)));

        Assert.Equal("dim_engagement", error.Model.Name);
        Assert.Contains("core/dim_engagement.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("already runs to 2025-06-04, so a run as of 2025-06-03 would rewrite it", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, _warehouse.Lines(Versions));
    }

    /// <summary>One run: the given rows as sheet 1 ("North"), built into the shared warehouse.</summary>
    private void Run(DateOnly asOf, params TrackerLine[] rows)
    {
        using var scenario = new ModelsScenario { AsOf = asOf };
        var page = new SheetPage(1, "North", TrackerTemplate.Titles);
        foreach (var row in rows)
        {
            page.Row(row.RowId, row.RowNumber, row.Cells);
        }

        scenario.Sheet(page);
        scenario.BuildInto(_warehouse);
    }

    /// <summary>
    /// Deal n on sheet row 100 + n (row number n unless moved): "Engagement n", 1000.00 USD, intake 2025-05-01 (the
    /// intake stage complete that day), Net 30, Sales owner Ana, SOW in progress unless completed, kickoff not started.
    /// </summary>
    private static TrackerLine Row(int n, decimal value = 1000m, string salesOwner = "ana@example.com", string? sowCompleted = null,
        string? notes = null, string intakeDate = "2025-05-01", string? opportunityId = null, int? rowNumber = null) =>
        new(100 + n, rowNumber ?? n,
        [
            ("Opportunity ID", opportunityId ?? $"00600000000000{n}"),
            ("Engagement", $"Engagement {n}"),
            ("Account", $"Account {n}"),
            ("Region", "EMEA"),
            ("Contract Value", value),
            ("Currency", "USD"),
            ("Intake Date", intakeDate),
            ("Payment Terms", "Net 30"),
            ("Sales Owner", Cell.Contact(salesOwner, salesOwner[..salesOwner.IndexOf('@', StringComparison.Ordinal)])),
            ("Intake Status", "Complete"),
            ("Intake Completed", "2025-05-01"),
            ("SOW Executed Status", sowCompleted is null ? "In Progress" : "Complete"),
            ("SOW Executed Date", sowCompleted),
            ("SOW Executed Notes", notes),
        ]);

    /// <summary>stage_progress as written by hand: intake complete on 2025-05-01, the SOW as given, kickoff not started.</summary>
    private static string Progress(string sowStatus, string? sowDateJson) =>
        "[{\"stage_key\":\"intake\",\"status\":\"complete\",\"completed_on\":\"2025-05-01\"}," +
        $"{{\"stage_key\":\"sow_executed\",\"status\":\"{sowStatus}\",\"completed_on\":{sowDateJson ?? "null"}}}," +
        "{\"stage_key\":\"kickoff\",\"status\":\"not_started\",\"completed_on\":null}]";

    /// <summary>dim_owner's key of an e-mail: MD5 of it lower-cased, computed here independently of the SQL.</summary>
    private static string OwnerKey(string email) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(email.ToLowerInvariant())));

    private sealed record TrackerLine(long RowId, int RowNumber, (string Title, object? Value)[] Cells);
}
