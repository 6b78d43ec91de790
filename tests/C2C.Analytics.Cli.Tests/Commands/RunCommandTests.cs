using C2C.Analytics.Cli.Tests.Support;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Tests.Commands;

/// <summary><c>c2c run</c> and <c>c2c models</c> as a user meets them: configuration from appsettings.json, exit codes, messages.</summary>
public sealed class RunCommandTests
{
    private const string SmallSample = """{ "Pipeline": { "Threads": 2, "Sample": { "Engagements": 40, "Seed": 3 } } }""";

    [Fact]
    public void Run_builds_the_warehouse_from_the_sample_and_prints_where_it_is_and_that_it_reconciles()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), SmallSample);
        var data = directory.File("data");

        var result = Run(directory, "run", "--as-of", "2025-07-01", "--data", data);

        // The sample plants bad rows on purpose: the run commits and says so with exit code 3.
        Assert.Equal(ExitCodes.SuccessWithRejects, result.ExitCode);
        Assert.Contains("succeeded", result.Out, StringComparison.Ordinal);
        Assert.Contains("source: sample", result.Out, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(data, "warehouse.duckdb"), result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", result.Out, StringComparison.Ordinal);
        Assert.Contains("model dim_engagement", result.Error, StringComparison.Ordinal);

        using var connection = new DuckDbConnection($"Data Source={Path.Combine(data, "warehouse.duckdb")};access_mode=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        // 40 engagements configured; the sample plants bad rows, so fewer load, and a planted duplicate adds one row.
        command.CommandText = "SELECT (SELECT count(*) FROM dim_engagement) + (SELECT count(DISTINCT row_id) FROM etl_reject), (SELECT any_value(as_of) FROM etl_run)";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.InRange(reader.GetInt64(0), 40, 41);
        Assert.Equal(new DateTime(2025, 7, 1), reader.GetDateTime(1));
        Assert.True(File.Exists(Path.Combine(data, "export", "dim_engagement.parquet")));
    }

    [Fact]
    public void A_misspelt_calendar_setting_fails_before_anything_is_written_and_names_the_value()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """{ "Calendar": { "WeekendDays": [ "Funday" ] } }""");
        var data = directory.File("data");

        var result = Run(directory, "run", "--data", data);

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("Funday", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was run", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public void A_tracker_mapping_with_one_title_for_two_fields_fails_and_says_which()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """{ "Tracker": { "Columns": { "Region": "Account" } } }""");

        var result = Run(directory, "run", "--data", directory.File("data"));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("Column title 'Account' is used for both the account and the region", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Landing_run_that_does_not_exist_fails_and_records_the_failure()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), SmallSample);
        var data = directory.File("data");

        var result = Run(directory, "run", "--data", data, "--landing", "20200101T000000Z-nothere");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("20200101T000000Z-nothere", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Models_lists_every_model_after_the_models_it_reads()
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "models");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        int Position(string model) => Array.FindIndex(lines, l => l.Contains($" {model}  (", StringComparison.Ordinal));
        Assert.True(Position("stg_smartsheet__tracker_rows") >= 0);
        Assert.True(Position("stg_smartsheet__tracker_rows") < Position("int_tracker_rows_checked"));
        Assert.True(Position("int_tracker_rows_checked") < Position("dim_engagement"));
        Assert.True(Position("stg_salesforce__opportunities") < Position("fct_opportunity"));
    }

    private static CliResult Run(TempDirectory directory, params string[] args) =>
        CliRunner.Run(args, new CliOptions(CurrentDirectory: directory.Path));
}
