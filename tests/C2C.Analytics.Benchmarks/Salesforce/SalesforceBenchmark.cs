using System.Globalization;
using C2C.Analytics.Benchmarks.Harness;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources;
using C2C.Analytics.Pipeline.Sources.Salesforce;

namespace C2C.Analytics.Benchmarks.Salesforce;

/// <summary>
/// The Salesforce extract (issue 6, "Performance"): <c>--rows</c> opportunities (default 1,000,000: 500 pages of 2,000)
/// from a local server, read by <see cref="SalesforceSourceExtractor"/> and landed in a temp data folder. Against it,
/// the floor: the same pages downloaded by a plain <see cref="HttpClient"/> into a discarded buffer. The client-side
/// overhead is the extract's wall time beyond the download's, as a share of the download's (target under 20%); the
/// extract's peak memory must stay flat in the number of records (under 300 MB), which a tenth of the rows shows.
/// </summary>
internal sealed class SalesforceBenchmark : IBenchmark
{
    private const string Download = "download";
    private const string Scan = "download+scan";
    private const string Land = "download+land";
    private const string Extract = "extract";
    private const string ExtractTenth = "extract-tenth";
    private const int PageSize = 2000;
    private const double OverheadTarget = 0.20;
    private const long PeakTarget = 300L << 20;

    public string Name => "salesforce";

    public string Description => "Salesforce extract of N opportunities in pages of 2,000 from a local server, against a plain download of the same pages";

    public IReadOnlyList<string> Workloads { get; } = [Download, Scan, Land, Extract, ExtractTenth];

    public long DefaultRows => 1_000_000;

    public int Run(BenchmarkOptions options, TextWriter output)
    {
        var rows = (int)options.Rows;
        using var server = new ServerHandle(new GeneratedSalesforceServer(PageSize));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Org     : {rows:N0} opportunities in pages of {PageSize:N0}; server {server.Server.BaseUrl}; {options.Runs} runs per workload"));
        if (options.WarmupRows > 0)
        {
            server.Server.Records = (int)Math.Min(options.WarmupRows, rows);
            DownloadAll(server.Server);
            ExtractAll(server.Server, options.TempRoot);
        }

        var results = new Dictionary<string, WorkloadResult>
        {
            [Download] = new(Download, rows, 1),
            [Scan] = new(Scan, rows, 1),
            [Land] = new(Land, rows, 1),
            [Extract] = new(Extract, rows, 1),
            [ExtractTenth] = new(ExtractTenth, rows / 10, 1),
        };
        var notes = new List<string>();
        var ok = true;
        for (var run = 0; run < options.Runs; run++)
        {
            foreach (var (key, result) in results.Where(r => options.Includes(r.Key)))
            {
                server.Server.Records = (int)result.Rows;
                var before = server.Server.BytesSent;
                (long Records, long Bytes) landed = default;
                result.Add(Measurement.Take(() =>
                {
                    landed = key switch
                    {
                        Download => (result.Rows, DownloadAll(server.Server)),
                        Scan => ScanAll(server.Server),
                        Land => LandAll(server.Server, options.TempRoot),
                        _ => ExtractAll(server.Server, options.TempRoot),
                    };
                }));
                var sent = server.Server.BytesSent - before;
                if (run == 0)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{key,-13}: {landed.Records:N0} records, {landed.Bytes / 1e6:0.0} MB {(key is Download or Scan ? "read" : "landed")}, {sent / 1e6:0.0} MB sent by the server"));
                }

                if (landed.Records != result.Rows)
                {
                    notes.Add($"{key}: {landed.Records:N0} records instead of {result.Rows:N0}: WRONG");
                    ok = false;
                }
            }
        }

        ResultTable.Print(output, results.Values.Where(r => r.Runs.Count > 0));
        output.WriteLine();
        output.WriteLine("Runs in order:");
        ResultTable.PrintRuns(output, results.Values.Where(r => r.Runs.Count > 0));
        ResultTable.WarnIfDisturbed(output, results.Values.Where(r => r.Runs.Count > 0));
        output.WriteLine();
        notes.ForEach(output.WriteLine);
        if (results[Download].Runs.Count > 0 && results[Extract].Runs.Count > 0)
        {
            var download = results[Download].MedianWall;
            var extract = results[Extract].MedianWall;
            var overhead = (extract - download) / download;
            var met = overhead < OverheadTarget;
            ok &= met;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Client-side overhead: extract {ResultTable.Seconds(extract)} s vs download {ResultTable.Seconds(download)} s = {overhead:P1} beyond the transfer (target < {OverheadTarget:P0}: {(met ? "met" : "MISSED")})"));
        }

        foreach (var key in new[] { Extract, ExtractTenth }.Where(k => results[k].MaxPeakWorkingSet is not null && results[k].Runs.Count > 0))
        {
            var peak = results[key].MaxPeakWorkingSet!.Value;
            var met = peak < PeakTarget;
            ok &= met;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak memory {key,-13}: {peak / 1e6:0} MB for {results[key].Rows:N0} records (target < {PeakTarget >> 20} MB: {(met ? "met" : "MISSED")})"));
        }

        return ok ? 0 : 1;
    }

    /// <summary>Every page fetched by a plain client, read to the end into a reused buffer: the bytes read.</summary>
    private static long DownloadAll(GeneratedSalesforceServer server)
    {
        using var http = Client();
        var buffer = new byte[81920];
        long bytes = 0;
        foreach (var url in server.PageUrls())
        {
            using var response = http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            response.EnsureSuccessStatusCode();
            using var body = response.Content.ReadAsStream();
            int read;
            while ((read = body.Read(buffer)) > 0)
            {
                bytes += read;
            }
        }

        return bytes;
    }

    /// <summary>Where the overhead goes, part one: every page downloaded and scanned as the extract scans it, nothing written.</summary>
    private static (long Records, long Bytes) ScanAll(GeneratedSalesforceServer server)
    {
        using var http = Client();
        var buffer = new byte[81920];
        long records = 0;
        long bytes = 0;
        foreach (var url in server.PageUrls())
        {
            using var response = http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            var scanner = new QueryPageScanner(new ModstampMaximum());
            using var body = new ScanningStream(response.Content.ReadAsStream(), scanner);
            int read;
            while ((read = body.Read(buffer)) > 0)
            {
                bytes += read;
            }

            scanner.Complete();
            records += scanner.Records;
        }

        return (records, bytes);
    }

    /// <summary>Part two: every page downloaded and landed (hashed, written to disk), not scanned.</summary>
    private static (long Records, long Bytes) LandAll(GeneratedSalesforceServer server, string tempRoot)
    {
        var data = Path.Combine(tempRoot, "c2c-bench-salesforce-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var http = Client();
            var batch = new LandingArea(data).Begin("salesforce", "opportunities", "20250701T020000Z-bench0", "live", new WatermarkRange(null, null));
            var page = 0;
            foreach (var url in server.PageUrls())
            {
                using var response = http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
                using var body = response.Content.ReadAsStream();
                batch.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"page-{++page:000000}.json"), body, PageSize).GetAwaiter().GetResult();
            }

            var manifest = batch.Complete();
            return (Math.Min(manifest.RecordCount, server.Records), manifest.Files.Sum(f => f.Bytes));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static HttpClient Client()
    {
        var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", GeneratedSalesforceServer.Token);
        return http;
    }

    /// <summary>The real extract into a temp data folder, deleted after: the opportunities landed and their bytes.</summary>
    private static (long Records, long Bytes) ExtractAll(GeneratedSalesforceServer server, string tempRoot)
    {
        var data = Path.Combine(tempRoot, "c2c-bench-salesforce-" + Guid.NewGuid().ToString("N"));
        try
        {
            var options = new SalesforceOptions
            {
                LoginUrl = server.BaseUrl,
                AuthFlow = SalesforceAuthFlow.ClientCredentials,
                ClientId = "benchmark-client",
                ClientSecret = "benchmark-secret",
            };
            var manifests = new SalesforceSourceExtractor(options)
                .ExtractAsync(new LandingArea(data), "20250701T020000Z-bench0", new RunRequest(data, new DateOnly(2025, 7, 1)), CancellationToken.None)
                .GetAwaiter().GetResult();
            var opportunities = manifests.Single(m => m.Entity == "opportunities");
            return (opportunities.RecordCount, opportunities.Files.Sum(f => f.Bytes));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>The server, disposed synchronously at the end of the benchmark.</summary>
    private sealed class ServerHandle(GeneratedSalesforceServer server) : IDisposable
    {
        public GeneratedSalesforceServer Server { get; } = server;

        public void Dispose() => Server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
