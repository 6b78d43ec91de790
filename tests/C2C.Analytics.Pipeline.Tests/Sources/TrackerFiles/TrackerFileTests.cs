using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.TrackerFiles;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;
using C2C.Analytics.Pipeline.Tests.Sources.TrackerFiles.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.TrackerFiles;

/// <summary>
/// A tracker handed over as a CSV or XLSX export goes through the same mapping, checks and rejects as the sheet it was
/// exported from: the same engagements, stages and rejects come out; the file itself is what is landed; a file whose
/// structure is broken fails the run naming the row.
/// </summary>
public sealed class TrackerFileTests
{
    private const string Engagements = """
        SELECT deal_id, engagement_name, account, region, contract_value, currency, intake_date, payment_terms, payment_terms_days
        FROM dim_engagement WHERE is_current ORDER BY deal_id
        """;

    private const string Stages = "SELECT deal_id, stage_key, status, completed_on, evidence_url, notes FROM int_engagement_stages ORDER BY 1, 2";

    private const string Rejects = "SELECT record_key, field, reason FROM etl_reject ORDER BY 1, 2";

    [Theory]
    [InlineData("tracker.csv", true)]
    [InlineData("tracker.csv", false)]
    [InlineData("tracker.xlsx", false)]
    public async Task An_export_loads_the_same_engagements_stages_and_rejects_as_the_sheet_it_came_from(string fileName, bool byteOrderMark)
    {
        using var fromSheet = new PipelineHarness();
        await using (var server = new FakeSmartsheet())
        {
            server.Add(ExportedTracker.Sheet(1));
            await fromSheet.RunAsync(fromSheet.Extractor(fromSheet.Options(server, 1)));
        }

        using var fromFile = new PipelineHarness();
        Directory.CreateDirectory(fromFile.DataDirectory);
        var path = Path.Combine(fromFile.DataDirectory, fileName);
        var content = fileName.EndsWith(".csv", StringComparison.Ordinal) ? ExportedTracker.Csv(byteOrderMark) : ExportedTracker.Xlsx();
        await File.WriteAllBytesAsync(path, content);
        fromFile.Tracker.Export.Path = path;
        fromFile.Tracker.Export.DateFormats = [ExportedTracker.DateFormat];
        var summary = await fromFile.RunAsync(new TrackerFileExtractor(fromFile.Tracker));

        Assert.Equal(Snapshot(fromSheet, Engagements), Snapshot(fromFile, Engagements));
        Assert.Equal(Snapshot(fromSheet, Stages), Snapshot(fromFile, Stages));
        Assert.Equal(Snapshot(fromSheet, Rejects), Snapshot(fromFile, Rejects));

        // Worked by hand: the locale date 03/03/2025 (dd/MM/yyyy) is 3 March; "$1,000.00" is 1000; the accented account
        // survives the encoding; the bad row is the file's row 5 (titles 1, rows 2 and 3, a blank row 4).
        Assert.Contains($"{TestTracker.DealId(1)}|Migration, phase 1|Société Générale|EMEA|1000.00|USD|2025-03-03|Net 30|30", Snapshot(fromFile, Engagements));
        Assert.Equal([(5, "unknown_status")], fromFile.Query<(int, string)>("SELECT row_number, reason FROM etl_reject"));
        var tracker = summary.Sources.Single(s => s.Source == "smartsheet");
        Assert.Equal((3L, 2L, 1L), (tracker.Extracted, tracker.Loaded, tracker.Rejected));

        // The export itself is the landed file, byte for byte, with origin "file".
        var manifest = fromFile.Landing.ReadManifest("smartsheet", "tracker", summary.Run.RunId)!;
        Assert.Equal("file", manifest.Origin);
        Assert.Equal(content, await File.ReadAllBytesAsync(Assert.Single(fromFile.Landing.FilePaths(manifest))));
    }

    [Fact]
    public async Task The_configured_worksheet_of_a_workbook_is_read()
    {
        using var harness = new PipelineHarness();
        Directory.CreateDirectory(harness.DataDirectory);
        var path = Path.Combine(harness.DataDirectory, "C2C tracker (export).xlsx");
        await File.WriteAllBytesAsync(path, ExportedTracker.Xlsx(worksheet: "Engagements", firstWorksheet: "Read me"));
        harness.Tracker.Export.Path = path;
        harness.Tracker.Export.Worksheet = "Engagements";

        var summary = await harness.RunAsync(new TrackerFileExtractor(harness.Tracker));

        Assert.Equal("C2C_tracker__export_.xlsx", Assert.Single(harness.Landing.ReadManifest("smartsheet", "tracker", summary.Run.RunId)!.Files).Name);
        Assert.Equal(3, summary.Sources.Single().Extracted);
    }

    [Theory]
    [InlineData("Opportunity ID,Engagement\r\n006000000000001,\"never closed\r\n006000000000002,b\r\n", "row 2")]
    [InlineData("Opportunity ID,Engagement\r\n006000000000001,a\r\n006000000000002,b,c\r\n", "row 3: field 3 is beyond the 2 titled columns")]
    public async Task A_csv_whose_structure_is_broken_fails_the_run_naming_file_and_row(string csv, string expected)
    {
        using var harness = new PipelineHarness();
        Directory.CreateDirectory(harness.DataDirectory);
        var path = Path.Combine(harness.DataDirectory, "broken.csv");
        await File.WriteAllTextAsync(path, csv);
        harness.Tracker.Export.Path = path;

        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => harness.RunAsync(new TrackerFileExtractor(harness.Tracker)));

        Assert.Contains("Tracker export 'broken.csv', " + expected, failure.Message, StringComparison.Ordinal);
    }

    private static List<string> Snapshot(PipelineHarness harness, string sql) =>
        harness.Query<dynamic>(sql).Select(row => string.Join('|', ((IDictionary<string, object?>)row).Values.Select(v => v switch
        {
            DateTime date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v?.ToString() ?? "∅",
        }))).ToList();
}
