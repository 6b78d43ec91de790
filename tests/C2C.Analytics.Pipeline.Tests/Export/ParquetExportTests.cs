using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Export;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;
using C2C.Analytics.Warehouse.Models;
using Dapper;

namespace C2C.Analytics.Pipeline.Tests.Export;

/// <summary>
/// The snapshot's export: one Hive-style folder per as-of date (fct_engagement_stage_snapshot/snapshot_date=…/), the run's
/// own date rewritten by each run and the others left in place, nothing published by a run that fails, and the export
/// kept equal to the warehouse (a missing date written again, a date the warehouse dropped removed). Whole runs from a
/// fake Smartsheet: deals 1 and 2, two stages each, so 4 snapshot rows per date.
/// </summary>
public sealed class ParquetExportTests : IDisposable
{
    private static readonly DateOnly Tuesday = new(2025, 7, 1);
    private static readonly DateOnly Wednesday = new(2025, 7, 2);

    private readonly PipelineHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private string Export => Path.Combine(_harness.DataDirectory, "export");

    private string Snapshot => Path.Combine(Export, "fct_engagement_stage_snapshot");

    private string PartitionFile(DateOnly date) =>
        Path.Combine(Snapshot, $"snapshot_date={date:yyyy-MM-dd}", ParquetExport.PartitionFileName);

    [Fact]
    public async Task Each_run_date_is_one_partition_and_a_rerun_of_a_date_rewrites_that_partition_only()
    {
        await using var server = new FakeSmartsheet();
        var sheet = server.Add(TestTracker.Sheet(1, "EMEA", [1, 2]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Tuesday);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Wednesday);

        Assert.Equal(["snapshot_date=2025-07-01", "snapshot_date=2025-07-02"], Directory.GetDirectories(Snapshot).Select(Path.GetFileName).Order());
        Assert.False(File.Exists(Path.Combine(Export, "fct_engagement_stage_snapshot.parquet")));
        var tuesdayFile = PartitionFile(Tuesday);
        var tuesdayBytes = File.ReadAllBytes(tuesdayFile);
        var tuesdayWritten = File.GetLastWriteTimeUtc(tuesdayFile);

        // Deal 1's value changes and Wednesday is run again.
        _harness.Clock.Offset = TimeSpan.FromHours(1);
        sheet.Edit(TestTracker.RowId(1), _harness.Clock.GetUtcNow(), "Contract Value", FakeCell.Money(1750m, "$1,750.00"));
        await _harness.RunAsync(_harness.Extractor(options), asOf: Wednesday);

        Assert.Equal(["2025-07-01 | 4", "2025-07-02 | 4"], _harness.Query<string>(
            "SELECT concat_ws(' | ', snapshot_date, count(*)) FROM fct_engagement_stage_snapshot GROUP BY snapshot_date ORDER BY snapshot_date"));
        Assert.Equal(tuesdayBytes, File.ReadAllBytes(tuesdayFile));
        Assert.Equal(tuesdayWritten, File.GetLastWriteTimeUtc(tuesdayFile));
        using var connection = OpenWarehouse();
        // Wednesday's file holds the new value; the date is in the folder name only, as_of in the rows.
        Assert.Equal(["1AAA | 1750.00 | 2025-07-02", "2AAA | 1000.00 | 2025-07-02"], connection.Query<string>($"""
            SELECT DISTINCT concat_ws(' | ', right(deal_id, 4), contract_value, as_of) FROM read_parquet('{PartitionFile(Wednesday)}') ORDER BY 1
            """));
        Assert.Equal(0, connection.ExecuteScalar<long>($"""
            SELECT count(*) FROM parquet_schema('{PartitionFile(Wednesday)}') WHERE name = 'snapshot_date'
            """));
        // Read as a Hive-partitioned folder, the export is the warehouse's table.
        Assert.Equal(0, connection.ExecuteScalar<long>($"""
            WITH exported AS (SELECT * FROM read_parquet('{Snapshot}/*/*.parquet', hive_partitioning = true)),
                 kept AS (SELECT * EXCLUDE (snapshot_date), snapshot_date FROM fct_engagement_stage_snapshot)
            SELECT count(*) FROM ((FROM exported EXCEPT ALL FROM kept) UNION ALL (FROM kept EXCEPT ALL FROM exported))
            """));
    }

    [Fact]
    public async Task A_run_that_fails_after_staging_its_export_publishes_no_partition_and_the_next_run_restores_a_missing_one()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1, 2]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Tuesday);
        var tuesdayBytes = File.ReadAllBytes(PartitionFile(Tuesday));

        // Interrupted once the export is staged, just before the commit.
        using var interrupt = new CancellationTokenSource();
        var runner = new PipelineRunner(new PipelineOptions { Threads = 2 }, _harness.Tracker, new CalendarOptions(), _harness.Extractor(options),
            ModelCatalog.Load(ModelCatalog.DefaultDirectory), Path.Combine(AppContext.BaseDirectory, "functions"), _harness.Clock);
        runner.Progress += line =>
        {
            if (line == "export…")
            {
                interrupt.Cancel();
            }
        };
        _harness.Clock.Offset = TimeSpan.FromHours(1);
        await Assert.ThrowsAsync<PipelineRunException>(() => runner.RunAsync(new RunRequest(_harness.DataDirectory, Wednesday), interrupt.Token));

        Assert.Equal(["snapshot_date=2025-07-01"], Directory.GetDirectories(Snapshot).Select(Path.GetFileName));
        Assert.Equal(tuesdayBytes, File.ReadAllBytes(PartitionFile(Tuesday)));
        Assert.Empty(Directory.GetDirectories(Export, ".staging-*"));
        Assert.Equal(["2025-07-01"], _harness.Query<string>("SELECT DISTINCT CAST(snapshot_date AS VARCHAR) FROM fct_engagement_stage_snapshot"));

        // Someone deletes Tuesday's folder from the export: the next run writes it again with its own.
        Directory.Delete(Path.GetDirectoryName(PartitionFile(Tuesday))!, recursive: true);
        _harness.Clock.Offset = TimeSpan.FromHours(2);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Wednesday);

        Assert.True(File.Exists(PartitionFile(Tuesday)));
        Assert.True(File.Exists(PartitionFile(Wednesday)));
        using var connection = OpenWarehouse();
        Assert.Equal(0, connection.ExecuteScalar<long>($"""
            SELECT count(*) FROM ((FROM read_parquet('{PartitionFile(Tuesday)}', hive_partitioning = false) EXCEPT ALL
                SELECT * EXCLUDE (snapshot_date) FROM fct_engagement_stage_snapshot WHERE snapshot_date = DATE '2025-07-01')
              UNION ALL (SELECT * EXCLUDE (snapshot_date) FROM fct_engagement_stage_snapshot WHERE snapshot_date = DATE '2025-07-01'
                EXCEPT ALL FROM read_parquet('{PartitionFile(Tuesday)}', hive_partitioning = false)))
            """));
    }

    [Fact]
    public async Task A_date_the_warehouse_no_longer_holds_leaves_the_export()
    {
        await using var server = new FakeSmartsheet();
        server.Add(TestTracker.Sheet(1, "EMEA", [1, 2]));
        var options = _harness.Options(server, 1);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Tuesday);
        await _harness.RunAsync(_harness.Extractor(options), asOf: Wednesday);
        using (var connection = OpenWarehouse())
        {
            connection.Execute("DELETE FROM fct_engagement_stage_snapshot WHERE snapshot_date = DATE '2025-07-01'");
        }

        await _harness.RunAsync(_harness.Extractor(options), asOf: Wednesday);

        Assert.Equal(["snapshot_date=2025-07-02"], Directory.GetDirectories(Snapshot).Select(Path.GetFileName));
    }

    private DuckDbConnection OpenWarehouse()
    {
        var connection = new DuckDbConnection($"Data Source={Path.Combine(_harness.DataDirectory, "warehouse.duckdb")}");
        connection.Open();
        return connection;
    }
}
