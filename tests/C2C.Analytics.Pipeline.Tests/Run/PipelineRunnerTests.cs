using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Models;
using Dapper;

namespace C2C.Analytics.Pipeline.Tests.Run;

/// <summary>
/// The whole run on a real DuckDB file: the sample lands, every record is loaded or rejected, the export matches the
/// warehouse, a re-run on the same landing builds the same tables, and a failing model changes nothing.
/// </summary>
public sealed class PipelineRunnerTests : IDisposable
{
    private static readonly DateOnly AsOf = new(2025, 7, 1);
    private static readonly string[] BuiltTables =
        ["dim_engagement", "dim_stage", "dim_owner", "bridge_engagement_owner", "fct_opportunity", "fct_opportunity_stage_history", "fct_engagement_stage"];

    private readonly string _data = Path.Combine(Path.GetTempPath(), "c2c-run-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public async Task A_run_accounts_for_every_landed_record_and_rejects_exactly_the_planted_rows()
    {
        var (runner, extractor) = Runner();

        var summary = await runner.RunAsync(new RunRequest(_data, AsOf));

        var planted = extractor.LastResult!;
        var tracker = summary.Sources.Single(s => s.Source == "smartsheet");
        Assert.Equal(planted.TrackerRows, tracker.Extracted);
        Assert.Equal(planted.PlantedProblems.Count, tracker.Rejected);
        Assert.Equal(planted.TrackerRows - planted.PlantedProblems.Count, tracker.Loaded);
        Assert.Equal(planted.Opportunities, summary.Sources.Single(s => s.Entity == "opportunities").Loaded);
        Assert.Equal(planted.HistoryRecords, summary.Sources.Single(s => s.Entity == "opportunity_history").Loaded);

        using var connection = Open(summary.WarehousePath);
        var rejects = connection.Query<(long RowId, string Field, string Reason)>(
            "SELECT row_id, field, reason FROM etl_reject WHERE run_id = $run_id", new { run_id = summary.Run.RunId }).ToHashSet();
        foreach (var problem in planted.PlantedProblems)
        {
            Assert.Contains((problem.RowId, problem.Field, problem.Reason), rejects);
        }

        var run = connection.QuerySingle<(string Status, long Extracted, long Loaded, long Rejected)>(
            "SELECT status, rows_extracted, rows_loaded, rows_rejected FROM etl_run WHERE run_id = $run_id", new { run_id = summary.Run.RunId });
        Assert.Equal("succeeded", run.Status);
        Assert.Equal(run.Extracted, run.Loaded + run.Rejected);
        Assert.Equal(3, connection.ExecuteScalar<long>("SELECT count(*) FROM etl_run_source WHERE run_id = $run_id", new { run_id = summary.Run.RunId }));
    }

    [Fact]
    public async Task The_lifecycle_facts_find_exactly_the_gate_violations_the_sample_planted()
    {
        var (runner, extractor) = Runner();

        var summary = await runner.RunAsync(new RunRequest(_data, AsOf));

        using var connection = Open(summary.WarehousePath);
        var found = connection.Query<(string, string)>("SELECT deal_id, stage_key FROM fct_engagement_stage WHERE gate_violation").ToHashSet();
        var planted = extractor.LastResult!.GateViolations.Select(g => (g.DealId, g.StageKey)).ToHashSet();
        Assert.NotEmpty(planted);
        Assert.Equal(planted, found);
        var stages = new TrackerOptions().EffectiveStages.Count;
        Assert.Equal(summary.Sources.Single(s => s.Source == "smartsheet").Loaded * stages,
            connection.ExecuteScalar<long>("SELECT count(*) FROM fct_engagement_stage"));
    }

    [Fact]
    public async Task The_export_holds_each_table_exactly_as_the_warehouse_committed_it()
    {
        var (runner, _) = Runner();

        var summary = await runner.RunAsync(new RunRequest(_data, AsOf));

        using var connection = Open(summary.WarehousePath);
        foreach (var table in BuiltTables.Append("dim_date"))
        {
            var file = Path.Combine(summary.ExportDirectory, table + ".parquet");
            Assert.True(File.Exists(file), $"{table}.parquet was not exported");
            var differences = connection.ExecuteScalar<long>(
                $"SELECT count(*) FROM ((SELECT * FROM {table} EXCEPT ALL SELECT * FROM read_parquet('{file}')) UNION ALL (SELECT * FROM read_parquet('{file}') EXCEPT ALL SELECT * FROM {table}))");
            Assert.Equal(0, differences);
        }

        Assert.Empty(Directory.GetDirectories(summary.ExportDirectory, ".staging-*"));
    }

    [Fact]
    public async Task Re_running_on_an_earlier_landing_builds_identical_tables_without_extracting()
    {
        var (runner, extractor) = Runner();
        var first = await runner.RunAsync(new RunRequest(_data, AsOf));
        var landingRunId = extractor.LastResult!.RunId;
        var snapshot = Snapshot(first.WarehousePath);

        var (rerunner, rerunExtractor) = Runner();
        var second = await rerunner.RunAsync(new RunRequest(_data, AsOf, LandingRunId: landingRunId));

        Assert.Null(rerunExtractor.LastResult);
        Assert.Equal("landing", second.Run.Origin);
        Assert.All(second.Sources, s => Assert.Equal(landingRunId, s.LandingRunId));
        var after = Snapshot(second.WarehousePath);
        foreach (var table in BuiltTables)
        {
            Assert.Equal(snapshot[table], after[table]);
        }
    }

    [Fact]
    public async Task A_failing_model_rolls_back_the_run_leaves_tables_and_export_as_they_were_and_records_the_failure()
    {
        var (runner, _) = Runner();
        var good = await runner.RunAsync(new RunRequest(_data, AsOf));
        var before = Snapshot(good.WarehousePath);
        var exported = Path.Combine(good.ExportDirectory, "dim_engagement.parquet");
        var exportedBytes = File.ReadAllBytes(exported);

        using var models = new BrokenModels();
        var (failing, _) = Runner(ModelCatalog.Load(models.Directory));
        var failure = await Assert.ThrowsAsync<PipelineRunException>(() => failing.RunAsync(new RunRequest(_data, AsOf.AddDays(1))));

        Assert.Contains("zz_broken", failure.Message, StringComparison.Ordinal);
        var after = Snapshot(good.WarehousePath);
        foreach (var table in BuiltTables)
        {
            Assert.Equal(before[table], after[table]);
        }

        Assert.Equal(exportedBytes, File.ReadAllBytes(exported));
        Assert.Empty(Directory.GetDirectories(good.ExportDirectory, ".staging-*"));
        using var connection = Open(good.WarehousePath);
        var failed = connection.QuerySingle<(string Status, string Error)>(
            "SELECT status, error FROM etl_run WHERE run_id = $run_id", new { run_id = failure.RunId });
        Assert.Equal("failed", failed.Status);
        Assert.Contains("zz_broken", failed.Error, StringComparison.Ordinal);
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM etl_reject WHERE run_id = $run_id", new { run_id = failure.RunId }));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM etl_run WHERE status = 'succeeded'"));
    }

    [Fact]
    public async Task A_tracker_mapping_error_stops_the_run_before_anything_is_written()
    {
        var tracker = new TrackerOptions();
        tracker.Columns.Region = tracker.Columns.Account;
        var runner = new PipelineRunner(new PipelineOptions(), tracker, new CalendarOptions(),
            new SampleSourceExtractor(new SampleSourceOptions { Engagements = 20 }, new TrackerOptions()),
            ModelCatalog.Load(ModelCatalog.DefaultDirectory), FunctionsDirectory);

        var error = await Assert.ThrowsAsync<TrackerConfigurationException>(() => runner.RunAsync(new RunRequest(_data, AsOf)));

        Assert.Contains("Account", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_data));
    }

    private static string FunctionsDirectory => Path.Combine(AppContext.BaseDirectory, "functions");

    private static (PipelineRunner Runner, SampleSourceExtractor Extractor) Runner(ModelCatalog? models = null)
    {
        var extractor = new SampleSourceExtractor(new SampleSourceOptions { Engagements = 150, Seed = 11 }, new TrackerOptions());
        var runner = new PipelineRunner(new PipelineOptions { Threads = 2 }, new TrackerOptions(), new CalendarOptions(), extractor,
            models ?? ModelCatalog.Load(ModelCatalog.DefaultDirectory), FunctionsDirectory);
        return (runner, extractor);
    }

    private static DuckDbConnection Open(string path)
    {
        var connection = new DuckDbConnection($"Data Source={path}");
        connection.Open();
        return connection;
    }

    /// <summary>Each built table's rows, sorted, as text: equal snapshots mean equal tables.</summary>
    private static Dictionary<string, string> Snapshot(string warehouse)
    {
        using var connection = Open(warehouse);
        return BuiltTables.ToDictionary(t => t, t => string.Join('\n',
            connection.Query<string>($"SELECT CAST(x AS VARCHAR) FROM {t} AS x ORDER BY 1")));
    }

    /// <summary>The shipped models plus one that fails at run time, after the core tables are built.</summary>
    private sealed class BrokenModels : IDisposable
    {
        public BrokenModels()
        {
            Directory = Path.Combine(Path.GetTempPath(), "c2c-broken-models-" + Guid.NewGuid().ToString("N"));
            CopyTree(ModelCatalog.DefaultDirectory, Directory);
            File.WriteAllText(Path.Combine(Directory, "core", "zz_broken.sql"),
                "-- Grain: none; fails on purpose.\nSELECT deal_id, CAST('not a number' AS INTEGER) AS n FROM dim_engagement\n");
        }

        public string Directory { get; }

        public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

        private static void CopyTree(string from, string to)
        {
            System.IO.Directory.CreateDirectory(to);
            foreach (var file in System.IO.Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var directory in System.IO.Directory.GetDirectories(from))
            {
                CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }
    }
}
