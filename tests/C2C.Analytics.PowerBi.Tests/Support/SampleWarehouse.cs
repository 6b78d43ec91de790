using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.PowerBi.Tests.Support;

/// <summary>
/// The warehouse <c>c2c run --as-of 2025-06-30</c> builds with the shipped configuration: the built-in sample (500
/// engagements, seed 42: appsettings.json's Pipeline:Sample), no rates file. Built once for every test of the
/// collection, with its Parquet export, which is what the Power BI model reads.
/// </summary>
public sealed class SampleWarehouse : IAsyncLifetime
{
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    public const int Engagements = 500;

    public const int Seed = 42;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "c2c-powerbi-tests-" + Guid.NewGuid().ToString("N"));

    public string WarehousePath { get; private set; } = "";

    public string ExportDirectory { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var tracker = new TrackerOptions();
        var extractor = new SampleSourceExtractor(new SampleSourceOptions { Engagements = Engagements, Seed = Seed }, tracker);
        var runner = new PipelineRunner(new PipelineOptions { Threads = 2 }, tracker, new CalendarOptions { FiscalYearStartMonth = 1 }, extractor,
            ModelCatalog.Load(ModelCatalog.DefaultDirectory), Path.Combine(AppContext.BaseDirectory, "functions"));
        var summary = await runner.RunAsync(new RunRequest(Path.Combine(Directory, "data"), AsOf));
        WarehousePath = summary.WarehousePath;
        ExportDirectory = summary.ExportDirectory;
    }

    public Task DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }

        return Task.CompletedTask;
    }

    public DuckDbConnection OpenReadOnly()
    {
        var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = WarehousePath, ReadOnly = true }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>
    /// An in-memory DuckDB whose views are the exported Parquet files as the model loads them (each table's current rows
    /// where it keeps history), plus the built warehouse attached read-only as <c>wh</c> for the marts.
    /// </summary>
    public DuckDbConnection OpenExport()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        var statements = new List<string> { $"ATTACH '{Sql(WarehousePath)}' AS wh (READ_ONLY)" };
        foreach (var file in System.IO.Directory.GetFiles(ExportDirectory, "*.parquet"))
        {
            var table = Path.GetFileNameWithoutExtension(file);
            var filter = table == "dim_engagement" ? " WHERE is_current" : "";
            statements.Add($"CREATE VIEW {table} AS SELECT * FROM read_parquet('{Sql(file)}'){filter}");
        }

        // Tables exported partitioned by date: a folder of <column>=yyyy-MM-dd folders, read as the model reads them.
        foreach (var folder in System.IO.Directory.GetDirectories(ExportDirectory))
        {
            var partitions = System.IO.Directory.GetDirectories(folder, "*=*");
            if (partitions.Length > 0)
            {
                var column = Path.GetFileName(partitions[0]).Split('=')[0];
                statements.Add($"CREATE VIEW {Path.GetFileName(folder)} AS SELECT * FROM read_parquet('{Sql(Path.Combine(folder, "*", "*.parquet"))}', "
                    + $"hive_partitioning = true, hive_types = {{'{column}': DATE}})");
            }
        }

        command.CommandText = string.Join(";\n", statements);
        command.ExecuteNonQuery();
        return connection;
    }

    private static string Sql(string path) => path.Replace("'", "''", StringComparison.Ordinal);
}

[CollectionDefinition(Name)]
public sealed class SampleWarehouseCollection : ICollectionFixture<SampleWarehouse>
{
    public const string Name = "sample warehouse";
}
