using System.Globalization;
using C2C.Analytics.Benchmarks.Harness;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Smartsheet;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Benchmarks.Smartsheet;

/// <summary>
/// The Smartsheet extract (issue 7, "Performance"): N sheets of <c>--rows</c> rows × 60 columns (the default tracker's
/// 39 configured columns and 21 others) from a local server, landed: a full read of 5 and of 20 sheets (peak memory
/// must not grow with the number of sheets: each sheet is streamed to disk and landed before the next), and the next
/// run of 20 unchanged sheets (one version check each). Requests are counted against the target: no more than the
/// page count plus one version check per sheet.
/// </summary>
internal sealed class SmartsheetBenchmark : IBenchmark
{
    private const string Full5 = "full-5";
    private const string Full20 = "full-20";
    private const string Unchanged20 = "unchanged-20";
    private const int PageSize = 5000;
    private const int Columns = 60;

    public string Name => "smartsheet";

    public string Description => "Smartsheet extract of 5 and 20 sheets of N rows x 60 columns from a local server, then an unchanged run";

    public IReadOnlyList<string> Workloads { get; } = [Full5, Full20, Unchanged20];

    public long DefaultRows => 20_000;

    public int Run(BenchmarkOptions options, TextWriter output)
    {
        var tracker = new TrackerOptions();
        var titles = TrackerColumnTitles.All(tracker).ToList();
        for (var extra = 1; titles.Count < Columns; extra++)
        {
            titles.Add("Extra " + extra.ToString(CultureInfo.InvariantCulture));
        }

        var rows = (int)options.Rows;
        var pagesPerSheet = (rows + PageSize - 1) / PageSize;
        using var server = new GeneratedSheetServerHandle(titles, rows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sheets  : {rows:N0} rows x {titles.Count} columns each, pages of {PageSize:N0}; server {server.Server.BaseUrl}; {options.Runs} runs per workload"));
        output.WriteLine();

        var results = new List<WorkloadResult>();
        var requests = new List<string>();
        var ok = true;
        foreach (var (key, sheets) in new[] { (Full5, 5), (Full20, 20), (Unchanged20, 20) }.Where(w => options.Includes(w.Item1)))
        {
            var result = new WorkloadResult(key, (long)rows * sheets, valuesPerRow: titles.Count);
            long sent = 0;
            var made = 0;
            for (var run = 0; run < options.Runs; run++)
            {
                var data = Path.Combine(options.TempRoot, "c2c-bench-smartsheet-" + Guid.NewGuid().ToString("N"));
                try
                {
                    var smartsheet = new SmartsheetOptions
                    {
                        BaseUrl = server.Server.BaseUrl,
                        AccessToken = "benchmark-token",
                        SheetIds = [.. Enumerable.Range(1, sheets).Select(i => (long)i)],
                        PageSize = PageSize,
                    };
                    var request = new RunRequest(data, new DateOnly(2025, 7, 1));
                    if (key == Unchanged20)
                    {
                        // The state a committed full read leaves: untimed.
                        var first = Extract(smartsheet, tracker, data, request, "20250701T010000Z-full00");
                        request = request with { Committed = [new CommittedLanding("smartsheet", "tracker", first.RunId, null, null)] };
                    }

                    var before = server.Server.BytesSent;
                    var extractor = new SmartsheetSourceExtractor(smartsheet, tracker);
                    result.Add(Measurement.Take(() => extractor.ExtractAsync(new LandingArea(data), "20250701T020000Z-bench0", request, CancellationToken.None).GetAwaiter().GetResult()));
                    sent = server.Server.BytesSent - before;
                    made = extractor.LastRequestCount;
                }
                finally
                {
                    Directory.Delete(data, recursive: true);
                }
            }

            results.Add(result);
            var target = key == Unchanged20 ? sheets : sheets * pagesPerSheet;
            ok &= made <= target;
            requests.Add(string.Create(CultureInfo.InvariantCulture,
                $"{key,-13}: {made} requests (target <= {target}: {(made <= target ? "met" : "MISSED")}), {sent / 1e6:0.0} MB received"));
        }

        ResultTable.Print(output, results);
        output.WriteLine();
        output.WriteLine("Runs in order:");
        ResultTable.PrintRuns(output, results);
        ResultTable.WarnIfDisturbed(output, results);
        output.WriteLine();
        requests.ForEach(output.WriteLine);
        return ok ? 0 : 1;
    }

    private static LandingManifest Extract(SmartsheetOptions options, TrackerOptions tracker, string data, RunRequest request, string runId) =>
        new SmartsheetSourceExtractor(options, tracker).ExtractAsync(new LandingArea(data), runId, request, CancellationToken.None).GetAwaiter().GetResult()[0];

    /// <summary>The server, disposed synchronously at the end of the benchmark.</summary>
    private sealed class GeneratedSheetServerHandle(IReadOnlyList<string> titles, int rows) : IDisposable
    {
        public GeneratedSheetServer Server { get; } = new(titles, rows);

        public void Dispose() => Server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
