using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Commands;

public sealed class SqlCommandTests
{
    [Fact]
    public void Without_format_a_terminal_gets_a_table()
    {
        var result = CliRunner.Run(["sql", "select 42 as answer", "--db", ":memory:"], new CliOptions(Terminal: true));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("answer", result.Out);
        Assert.Contains("42", result.Out);
        Assert.Contains("(1 row)", result.Out);
    }

    [Fact]
    public void Without_format_redirected_output_is_still_a_table()
    {
        var result = CliRunner.Run("sql", "select 42 as answer", "--db", ":memory:");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.Contains(lines, l => l.Contains("answer", StringComparison.Ordinal) && !l.Contains(',', StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("42", StringComparison.Ordinal) && l.Contains('│'));
        Assert.Contains("(1 row)", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Theory]
    [InlineData("csv", "a,b\n1,\"x,y\"\n")]
    [InlineData("json", "{\"a\":1,\"b\":\"x,y\"}\n")]
    public void Format_chooses_the_writer(string format, string expected)
    {
        var result = CliRunner.Run("sql", "select 1 as a, 'x,y' as b", "--db", ":memory:", "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Out);
    }

    [Fact]
    public void An_explicit_db_that_does_not_exist_is_a_usage_error_naming_the_path_and_is_not_created()
    {
        using var directory = new TempDirectory();
        var missing = directory.File("missing.duckdb");

        var result = CliRunner.Run("sql", "select 1", "--db", missing, "--format", "csv");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains(missing, result.Error);
        Assert.Equal(string.Empty, result.Out);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void A_relative_db_is_resolved_against_the_current_directory_in_the_message()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run(["sql", "select 1", "--db", "nope.duckdb"], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine(directory.Path, "nope.duckdb"), result.Error);
    }

    [Fact]
    public void A_warehouse_variable_naming_a_missing_file_is_a_usage_error()
    {
        using var directory = new TempDirectory();
        var missing = directory.File("env.duckdb");
        var options = new CliOptions(Environment: new Dictionary<string, string> { ["C2C_WAREHOUSE"] = missing });

        var result = CliRunner.Run(["sql", "select 1", "--format", "csv"], options);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Error);
        Assert.Contains("C2C_WAREHOUSE", result.Error);
    }

    [Fact]
    public void Before_the_default_warehouse_exists_queries_run_in_memory_with_a_note()
    {
        using var directory = new TempDirectory();
        var expectedPath = Path.Combine(directory.Path, "data", "warehouse.duckdb");

        var result = CliRunner.Run(["sql", "select 42 as answer", "--format", "csv"], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("answer\n42\n", result.Out);
        Assert.StartsWith("note: no warehouse exists yet at " + expectedPath, result.Error);
        Assert.False(File.Exists(expectedPath));
    }

    [Fact]
    public void The_default_warehouse_is_used_when_it_exists()
    {
        using var directory = new TempDirectory();
        directory.CreateDatabase("data/warehouse.duckdb", "create table contracts(id integer); insert into contracts values (1), (2), (3)");

        var result = CliRunner.Run(["sql", "select count(*) as n from contracts", "--format", "csv"], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("n\n3\n", result.Out);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void The_warehouse_variable_is_used_when_no_db_is_given()
    {
        using var directory = new TempDirectory();
        var file = directory.CreateDatabase("elsewhere.duckdb", "create table t as select 'from env' as origin");
        var options = new CliOptions(Environment: new Dictionary<string, string> { ["C2C_WAREHOUSE"] = file });

        var result = CliRunner.Run(["sql", "select origin from t", "--format", "csv"], options);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("origin\nfrom env\n", result.Out);
    }

    [Fact]
    public void A_syntax_error_exits_1_with_duckdbs_message_and_no_stack_trace()
    {
        var result = CliRunner.Run("sql", "selec 1", "--db", ":memory:", "--format", "csv");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: Parser Error: syntax error at or near \"selec\"", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void A_file_is_opened_read_only_so_a_write_fails_with_duckdbs_error_and_changes_nothing()
    {
        using var directory = new TempDirectory();
        var file = directory.CreateDatabase("w.duckdb", "create table t(a integer); insert into t values (1)");

        var write = CliRunner.Run("sql", "insert into t values (2)", "--db", file, "--format", "csv");
        var read = CliRunner.Run("sql", "select count(*) as n from t", "--db", file, "--format", "csv");

        Assert.Equal(1, write.ExitCode);
        Assert.StartsWith("error: ", write.Error);
        Assert.Contains("read-only", write.Error);
        Assert.Equal("n\n1\n", read.Out);
    }

    [Fact]
    public void With_write_a_change_is_kept_in_the_file()
    {
        using var directory = new TempDirectory();
        var file = directory.CreateDatabase("w.duckdb", "create table t(a integer); insert into t values (1)");

        var write = CliRunner.Run("sql", "insert into t values (2), (3)", "--db", file, "--write", "--format", "table");
        var read = CliRunner.Run("sql", "select sum(a) as total from t", "--db", file, "--format", "csv");

        Assert.Equal(0, write.ExitCode);
        Assert.Equal("OK (2 rows changed)\n", write.Out);
        Assert.Equal("total\n6\n", read.Out);
    }

    [Fact]
    public void Write_does_not_create_a_missing_file()
    {
        using var directory = new TempDirectory();
        var missing = directory.File("new.duckdb");

        var result = CliRunner.Run("sql", "create table t(a integer)", "--db", missing, "--write", "--format", "csv");

        Assert.Equal(2, result.ExitCode);
        Assert.False(File.Exists(missing));
    }

    [Fact]
    public void Several_statements_print_the_last_ones_rows()
    {
        var result = CliRunner.Run(
            "sql", "create table t(a integer); insert into t values (7), (8); select a * 2 as doubled from t order by a", "--db", ":memory:", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("doubled\n14\n16\n", result.Out);
    }

    [Theory]
    [InlineData("create table t(a integer)", "OK\n")]
    [InlineData("create table t(a integer); insert into t values (1), (2), (3)", "OK (3 rows changed)\n")]
    [InlineData("create table t(a integer); insert into t values (1), (2); update t set a = 0 where a = 2", "OK (3 rows changed)\n")]
    [InlineData("set threads = 1", "OK\n")]
    public void A_statement_without_rows_prints_ok_in_table_format(string sql, string expected)
    {
        var result = CliRunner.Run("sql", sql, "--db", ":memory:", "--format", "table");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected, result.Out);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void A_statement_without_rows_prints_nothing_for_scripts(string format)
    {
        var result = CliRunner.Run("sql", "create table t(a integer); insert into t values (1)", "--db", ":memory:", "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void A_column_type_the_provider_cannot_read_is_an_error_naming_the_column()
    {
        var result = CliRunner.Run("sql", "select [1, 2] as items", "--db", ":memory:", "--format", "table");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("'items'", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Theory]
    [InlineData("sql", "select 1", "--format", "xml")]
    [InlineData("sql")]
    [InlineData("sql", "select 1", "--no-such-option")]
    [InlineData("no-such-command")]
    [InlineData]
    public void Bad_usage_exits_2(params string[] args)
    {
        var result = CliRunner.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.NotEqual(string.Empty, result.Error);
    }

    [Fact]
    public void Help_for_sql_documents_the_default_format_and_warehouse()
    {
        var result = CliRunner.Run("sql", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--format", result.Out);
        Assert.Contains("also when the output is redirected", result.Out);
        Assert.Contains("C2C_WAREHOUSE", result.Out);
        Assert.Contains("warehouse.duckdb in the data folder ($C2C_DATA", result.Out);
    }

    [Fact]
    public async Task Cancelling_interrupts_a_running_query_and_exits_130()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        // Summing hashes over 10^11 rows would run for hours: only the interrupt ends it.
        var run = Task.Run(() => CliRunner.Run(
            ["sql", "select sum(hash(range)) as s from range(100000000000)", "--db", ":memory:"], new CliOptions(), cancellation.Token));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60)));

        Assert.Same(run, finished);
        var result = await run;
        Assert.Equal(130, result.ExitCode);
        Assert.Equal("error: interrupted\n", result.Error);
        Assert.Equal(string.Empty, result.Out);
    }
}
