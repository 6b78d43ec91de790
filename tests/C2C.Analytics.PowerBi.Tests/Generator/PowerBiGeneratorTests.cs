using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.PowerBi;

namespace C2C.Analytics.PowerBi.Tests.Generator;

/// <summary>
/// The generator on a small warehouse of its own: which tables become files, what a second run does, how a table that
/// is gone is removed, and that hand-written files are left alone.
/// </summary>
public sealed class PowerBiGeneratorTests : IDisposable
{
    private readonly string _project = Path.Combine(Path.GetTempPath(), "c2c-powerbi-generator-" + Guid.NewGuid().ToString("N"));
    private readonly DuckDbConnection _warehouse = new("Data Source=:memory:");

    public PowerBiGeneratorTests()
    {
        _warehouse.Open();
        Execute("""
            CREATE TABLE dim_thing (thing_id VARCHAR, thing_name VARCHAR, tags VARCHAR[]);
            CREATE TABLE fct_event (thing_id VARCHAR, happened_on DATE, amount DECIMAL(18,2));
            CREATE TABLE mart_action_queue (thing_id VARCHAR, action VARCHAR, action_priority INTEGER);
            CREATE TABLE mart_totals (thing_count BIGINT);
            CREATE TABLE dim_date_lookup (first_date DATE, day_index INTEGER[]);
            CREATE TABLE stg_raw (x INTEGER);
            CREATE TABLE etl_run (run_id VARCHAR);
            CREATE VIEW dim_view AS SELECT 1 AS x;
            """);
    }

    private string Tables => PowerBiGenerator.TablesDirectory(_project);

    public void Dispose()
    {
        _warehouse.Dispose();
        if (Directory.Exists(_project))
        {
            Directory.Delete(_project, recursive: true);
        }
    }

    [Fact]
    public void Dimensions_facts_and_row_level_marts_become_files_the_rest_do_not()
    {
        var result = Generate();

        Assert.Equal(["dim_thing", "fct_event", "mart_action_queue"], result.Written);
        Assert.Equal(["dim_thing.tmdl", "fct_event.tmdl", "mart_action_queue.tmdl"], Directory.GetFiles(Tables).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["dim_thing.tags (VARCHAR[])"], result.SkippedColumns);
        Assert.Contains("sortByColumn: action_priority", File.ReadAllText(Path.Combine(Tables, "mart_action_queue.tmdl")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_run_on_the_same_warehouse_writes_nothing()
    {
        Generate();
        var written = File.GetLastWriteTimeUtc(Path.Combine(Tables, "dim_thing.tmdl"));

        var again = Generate();

        Assert.Empty(again.Written);
        Assert.Equal(["dim_thing", "fct_event", "mart_action_queue"], again.Unchanged);
        Assert.Equal(written, File.GetLastWriteTimeUtc(Path.Combine(Tables, "dim_thing.tmdl")));
    }

    [Fact]
    public void A_new_column_rewrites_its_table_and_a_dropped_table_loses_its_file_but_hand_written_files_stay()
    {
        Generate();
        File.WriteAllText(Path.Combine(Tables, "metrics.tmdl"), "table metrics\n");
        File.WriteAllText(Path.Combine(Tables, "dim_handmade.tmdl"), "table dim_handmade\n");
        Execute("ALTER TABLE fct_event ADD COLUMN is_late BOOLEAN; DROP TABLE mart_action_queue;");

        var result = Generate();

        Assert.Equal(["fct_event"], result.Written);
        Assert.Equal(["mart_action_queue"], result.Removed);
        Assert.Contains("column is_late", File.ReadAllText(Path.Combine(Tables, "fct_event.tmdl")), StringComparison.Ordinal);
        Assert.Equal(["dim_handmade.tmdl", "dim_thing.tmdl", "fct_event.tmdl", "metrics.tmdl"],
            Directory.GetFiles(Tables).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_warehouse_without_tables_is_an_error_that_says_to_run_first()
    {
        using var empty = new DuckDbConnection("Data Source=:memory:");
        empty.Open();

        var error = Assert.Throws<PowerBiModelException>(() => PowerBiGenerator.Generate(empty, new PowerBiRequest(_project, MetricsDocument.Empty, null)));

        Assert.Contains("c2c run", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_project));
    }

    private PowerBiResult Generate() => PowerBiGenerator.Generate(_warehouse, new PowerBiRequest(_project, MetricsDocument.Empty, null));

    private void Execute(string sql)
    {
        using var command = _warehouse.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
