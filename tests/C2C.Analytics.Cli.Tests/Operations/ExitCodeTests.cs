using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Operations;

/// <summary>The exit codes a monitor reads, each from the situation that should give it.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public void A_source_that_fails_while_extracting_exits_4_and_leaves_a_failed_run()
    {
        using var directory = new TempDirectory();
        // The file exists (so the configuration is fine) but is no workbook: the source fails, not the warehouse.
        File.WriteAllText(directory.File("appsettings.json"), """{ "Tracker": { "Export": { "Path": "tracker.xlsx" } } }""");
        File.WriteAllText(directory.File("tracker.xlsx"), "this is not a workbook");
        var data = directory.File("data");

        var result = CliRunner.Run(["run", "--data", data], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(ExitCodes.SourceFailure, result.ExitCode);
        Assert.Contains("the file source failed", result.Error, StringComparison.Ordinal);
        var runs = CliRunner.Run(["runs", "--data", data, "--format", "csv"], new CliOptions(CurrentDirectory: directory.Path));
        Assert.Contains(",failed,", runs.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_failure_is_a_plain_failure_1()
    {
        using var directory = new TempDirectory();
        var data = directory.File("data");

        var result = CliRunner.Run(["run", "--data", data, "--landing", "20200101T000000Z-nothere"], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(ExitCodes.Failure, result.ExitCode);
    }

    [Fact]
    public void Runs_and_rejects_against_a_warehouse_that_does_not_exist_are_usage_errors()
    {
        using var directory = new TempDirectory();

        Assert.Equal(ExitCodes.Usage, CliRunner.Run(["runs", "--data", directory.File("data")], new CliOptions(CurrentDirectory: directory.Path)).ExitCode);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run(["rejects", "--data", directory.File("data")], new CliOptions(CurrentDirectory: directory.Path)).ExitCode);
    }

    [Fact]
    public void The_numbers_are_the_documented_ones()
    {
        // The README's table and every monitor rely on these exact values.
        Assert.Equal(
            [0, 1, 2, 3, 4, 5, 6, 7, 130],
            new[]
            {
                ExitCodes.Success, ExitCodes.Failure, ExitCodes.Usage, ExitCodes.SuccessWithRejects, ExitCodes.SourceFailure,
                ExitCodes.ConfigurationError, ExitCodes.LockHeld, ExitCodes.PublishFailed, ExitCodes.Interrupted,
            });
    }
}
