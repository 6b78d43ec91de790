using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Commands;

/// <summary><c>c2c report</c> and the dashboard <c>c2c run</c> writes, as a user meets them.</summary>
public sealed class ReportCommandTests
{
    private const string SmallSample = """{ "Pipeline": { "Threads": 2, "Sample": { "Engagements": 60, "Seed": 5 } } }""";

    [Fact]
    public void Run_writes_the_dashboard_and_prints_its_path_then_report_writes_owner_lists()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), SmallSample);
        var data = directory.File("data");

        var run = Run(directory, "run", "--as-of", "2025-06-30", "--data", data);

        var dashboard = Path.Combine(data, "report", "dashboard.html");
        Assert.Equal(ExitCodes.SuccessWithRejects, run.ExitCode); // the sample plants bad rows
        Assert.Contains($"Dashboard: {dashboard}", run.Out, StringComparison.Ordinal);
        Assert.Contains("Contract-to-Cash dashboard", File.ReadAllText(dashboard), StringComparison.Ordinal);

        var output = directory.File("out");
        var report = Run(directory, "report", "--data", data, "--out", output, "--as-of", "2025-06-30", "--owners");

        Assert.Equal(0, report.ExitCode);
        Assert.Contains("Dashboard as of 2025-06-30", report.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "dashboard.html")));
        var index = File.ReadAllLines(Path.Combine(output, "owners", "index.csv"));
        Assert.Equal("owner_name,owner_email,action_count,html_file,csv_file", index[0].TrimStart('\uFEFF'));
        foreach (var line in index.Skip(1))
        {
            var files = line.Split(',')[^2..];
            Assert.All(files, f => Assert.True(File.Exists(Path.Combine(output, "owners", f)), f));
        }
    }

    [Fact]
    public void Report_for_another_date_than_the_warehouse_fails_and_says_what_to_run()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), SmallSample);
        var data = directory.File("data");
        Assert.Equal(ExitCodes.SuccessWithRejects, Run(directory, "run", "--as-of", "2025-06-30", "--data", data).ExitCode);

        var result = Run(directory, "report", "--data", data, "--as-of", "2025-07-15");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("as of 2025-06-30, not 2025-07-15", result.Error, StringComparison.Ordinal);
        Assert.Contains("c2c run --as-of 2025-07-15", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_before_any_run_writes_a_no_data_dashboard()
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "report", "--data", directory.File("data"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no data yet", result.Out, StringComparison.Ordinal);
        Assert.Contains("No data", File.ReadAllText(directory.File(Path.Combine("data", "report", "dashboard.html"))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_rates_file_stops_the_run_before_anything_is_written_and_names_the_line()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """{ "Report": { "RatesFile": "rates.csv" } }""");
        File.WriteAllText(directory.File("rates.csv"), "date,currency,rate\n2025-01-01,EUR,one\n");
        var data = directory.File("data");

        var result = Run(directory, "run", "--data", data);

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("rates.csv:2: rate: 'one' is not a positive number", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }

    private static CliResult Run(TempDirectory directory, params string[] args) =>
        CliRunner.Run(args, new CliOptions(CurrentDirectory: directory.Path));
}
