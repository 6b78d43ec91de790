using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Report;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Models;
using Dapper;
using Microsoft.Playwright;

namespace C2C.Analytics.Browser.Tests.Support;

/// <summary>
/// A real run on the built-in sample (400 engagements, as of 2025-06-30, EUR and GBP rates from a CSV), its dashboard
/// written by <see cref="ReportGenerator"/>, and one headless chromium for the tests. The sample plants a note with a
/// script tag (<see cref="SampleResult.MarkupNote"/>) on a stage that is complete, so not in the action queue: the
/// fixture puts that text, and a note with an image whose onerror handler would retitle the page, on the two most
/// urgent actions of the built mart, as a tracker would have carried them.
/// </summary>
public sealed class SampleDashboard : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    public const string ImageNote = "<img src=x onerror=\"document.title='pwned'\"> call back";

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "c2c-browser-" + Guid.NewGuid().ToString("N"));

    public string WarehousePath { get; private set; } = "";

    public string DashboardPath { get; private set; } = "";

    public string ScriptNote { get; private set; } = "";

    public TimeSpan ReportElapsed { get; private set; }

    internal IBrowser Browser { get; private set; } = null!;

    private IPlaywright? _playwright;

    public async Task InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var rates = Path.Combine(Directory, "rates.csv");
        await File.WriteAllTextAsync(rates, "date,currency,rate\n2020-01-01,EUR,1.10\n2020-01-01,GBP,1.30\n");
        var tracker = new TrackerOptions();
        var extractor = new SampleSourceExtractor(new SampleSourceOptions { Engagements = 400, Seed = 7 }, tracker);
        var runner = new PipelineRunner(new PipelineOptions { Threads = 2 }, tracker, new CalendarOptions(), extractor,
            ModelCatalog.Load(ModelCatalog.DefaultDirectory), Path.Combine(AppContext.BaseDirectory, "functions"))
        {
            ReportOptions = new ReportOptions { RatesFile = rates },
        };
        var summary = await runner.RunAsync(new RunRequest(Path.Combine(Directory, "data"), AsOf));
        WarehousePath = summary.WarehousePath;
        ScriptNote = extractor.LastResult!.MarkupNote.Text;
        using (var connection = new DuckDbConnection($"Data Source={WarehousePath}"))
        {
            connection.Open();
            connection.Execute("UPDATE mart_action_queue SET notes = $note WHERE queue_rank = 1", new { note = ScriptNote });
            connection.Execute("UPDATE mart_action_queue SET notes = $note WHERE queue_rank = 2", new { note = ImageNote });
        }

        var result = ReportGenerator.Generate(WarehousePath, new ReportRequest(Path.Combine(Directory, "report")));
        DashboardPath = result.DashboardPath;
        ReportElapsed = result.Elapsed;
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    public DuckDbConnection OpenReadOnly()
    {
        var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = WarehousePath, ReadOnly = true }.ConnectionString);
        connection.Open();
        return connection;
    }
}
