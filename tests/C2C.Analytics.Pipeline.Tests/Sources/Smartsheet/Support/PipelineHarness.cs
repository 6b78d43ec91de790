using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Smartsheet;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Models;
using Dapper;

namespace C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

/// <summary>Whole runs (extract → land → models) into a real DuckDB file in a temp data folder, deleted on dispose.</summary>
public sealed class PipelineHarness : IDisposable
{
    public PipelineHarness(TrackerOptions? tracker = null)
    {
        Tracker = tracker ?? TestTracker.Options();
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "c2c-smartsheet-tests-" + Guid.NewGuid().ToString("N"));

    public TrackerOptions Tracker { get; }

    public ShiftedClock Clock { get; } = new();

    public LandingArea Landing => new(DataDirectory);

    /// <summary>Every progress line of every run.</summary>
    public List<string> Progress { get; } = [];

    public SmartsheetOptions Options(FakeSmartsheet server, params long[] sheetIds) => new()
    {
        BaseUrl = server.BaseUrl,
        AccessToken = FakeSmartsheet.Token,
        SheetIds = [.. sheetIds],
        RetryBaseDelayMilliseconds = 10,
    };

    public SmartsheetSourceExtractor Extractor(SmartsheetOptions options) => new(options, Tracker, Clock);

    /// <summary>One run, as of <see cref="TestTracker.AsOf"/> unless <paramref name="asOf"/> says otherwise.</summary>
    public Task<RunSummary> RunAsync(ISourceExtractor extractor, bool fullRefresh = false, string? landingRunId = null, DateOnly? asOf = null)
    {
        var runner = new PipelineRunner(new PipelineOptions { Threads = 2 }, Tracker, new CalendarOptions(), extractor,
            ModelCatalog.Load(ModelCatalog.DefaultDirectory), Path.Combine(AppContext.BaseDirectory, "functions"), Clock);
        runner.Progress += Progress.Add;
        return runner.RunAsync(new RunRequest(DataDirectory, asOf ?? TestTracker.AsOf, fullRefresh, landingRunId));
    }

    public List<T> Query<T>(string sql, object? parameters = null)
    {
        using var connection = new DuckDbConnection($"Data Source={Path.Combine(DataDirectory, "warehouse.duckdb")}");
        connection.Open();
        return connection.Query<T>(sql, parameters).ToList();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
