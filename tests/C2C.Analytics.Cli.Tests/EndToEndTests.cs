using System.Diagnostics;

namespace C2C.Analytics.Cli.Tests;

/// <summary>Runs the built program, <c>dotnet c2c.dll</c> beside this test assembly, as a user would.</summary>
public sealed class EndToEndTests
{
    private static (int ExitCode, string Out, string Error) RunC2c(params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "c2c.dll");
        Assert.True(File.Exists(program), $"{program} is missing: the test project references the CLI project, whose build puts it there.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "c2c did not finish within a minute.");
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Sql_select_42_prints_a_table_with_42()
    {
        var (exitCode, output, error) = RunC2c("sql", "select 42 as answer", "--db", ":memory:", "--format", "table");

        Assert.True(exitCode == 0, error);
        Assert.Contains("│ answer │", output);
        Assert.Contains("│     42 │", output);
    }

    [Fact]
    public void Csv_format_writes_quoted_non_ascii_text()
    {
        var (exitCode, output, error) = RunC2c("sql", "select 42 as answer, 'Grüße, 東京' as greeting", "--db", ":memory:", "--format", "csv");

        Assert.True(exitCode == 0, error);
        Assert.Equal("answer,greeting\n42,\"Grüße, 東京\"\n", output);
    }

    [Fact]
    public void A_syntax_error_exits_1_with_duckdbs_message_on_stderr()
    {
        var (exitCode, output, error) = RunC2c("sql", "selec 1", "--db", ":memory:");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: Parser Error: syntax error at or near \"selec\"", error);
        Assert.Equal(string.Empty, output);
    }

    [Fact]
    public void Version_names_the_duckdb_library()
    {
        var (exitCode, output, error) = RunC2c("--version");

        Assert.True(exitCode == 0, error);
        Assert.Contains("(DuckDB v1.5.6)", output);
    }
}
