using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Commands;

/// <summary><c>c2c powerbi</c>: the model's table files from the warehouse in the data folder, as a user runs it.</summary>
public sealed class PowerBiCommandTests
{
    private const string Warehouse = """
        CREATE TABLE dim_thing (thing_id VARCHAR, thing_name VARCHAR, tags VARCHAR[]);
        CREATE TABLE fct_event (thing_id VARCHAR, happened_on DATE, amount DECIMAL(18,2));
        CREATE TABLE mart_totals (thing_count BIGINT);
        """;

    [Fact]
    public void It_writes_one_file_per_table_and_a_second_run_changes_nothing()
    {
        using var directory = new TempDirectory();
        directory.CreateDatabase(Path.Combine("data", "warehouse.duckdb"), Warehouse);

        var first = Run(directory, "powerbi", "--data", "data", "--out", "project");
        var second = Run(directory, "powerbi", "--data", "data", "--out", "project");

        var tables = directory.File(Path.Combine("project", "ContractToCash.SemanticModel", "definition", "tables"));
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("2 written: dim_thing, fct_event", first.Out, StringComparison.Ordinal);
        Assert.Contains("left out (Power BI cannot import the type): dim_thing.tags (VARCHAR[])", first.Out, StringComparison.Ordinal);
        Assert.Equal(["dim_thing.tmdl", "fct_event.tmdl"], Directory.GetFiles(tables).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 written", second.Out, StringComparison.Ordinal);
        Assert.Contains("2 unchanged", second.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_warehouse_it_says_to_run_first_and_exits_with_bad_usage()
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "powerbi", "--data", "data");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("run c2c run first", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("powerbi")));
    }

    [Fact]
    public void A_column_of_a_type_the_model_cannot_map_fails_naming_it()
    {
        using var directory = new TempDirectory();
        directory.CreateDatabase(Path.Combine("data", "warehouse.duckdb"), "CREATE TABLE fct_event (thing_id VARCHAR, at_time TIMETZ);");

        var result = Run(directory, "powerbi", "--data", "data");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("fct_event.at_time", result.Error, StringComparison.Ordinal);
    }

    private static CliResult Run(TempDirectory directory, params string[] args) =>
        CliRunner.Run(args, new CliOptions(CurrentDirectory: directory.Path));
}
