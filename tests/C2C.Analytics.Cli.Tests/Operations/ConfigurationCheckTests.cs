using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Operations;

/// <summary>Configuration checked at start, every problem listed at once, exit 5; <c>c2c validate</c> without running anything.</summary>
public sealed class ConfigurationCheckTests
{
    // Four problems in four sections: a prerequisite that is not a stage, a cron expression with a minute of 61, a time
    // zone that does not exist, a holiday file that is not there.
    private const string FourProblems = """
        {
          "Tracker": { "Stages": [
            { "Key": "intake", "Name": "Intake", "OwnerRole": "Sales", "SlaBusinessDays": 2, "Prerequisites": [], "DateColumn": "Intake Date" },
            { "Key": "kickoff", "Name": "Kickoff", "OwnerRole": "Delivery", "SlaBusinessDays": 5, "Prerequisites": [ "contract" ] } ] },
          "Schedule": { "Cron": "0 61 2 * * ?", "TimeZone": "Mars/Olympus_Mons" },
          "Calendar": { "HolidayFile": "holidays-missing.csv" }
        }
        """;

    [Theory]
    [InlineData("schedule")]
    [InlineData("validate")]
    public void Every_problem_is_listed_at_once_and_nothing_starts(string command)
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), FourProblems);

        var result = CliRunner.Run([command, "--data", directory.File("data")], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("prerequisite 'contract' is not a stage", result.Error, StringComparison.Ordinal);
        Assert.Contains("Schedule:Cron '0 61 2 * * ?' is not a cron expression", result.Error, StringComparison.Ordinal);
        Assert.Contains("Schedule:TimeZone 'Mars/Olympus_Mons' is not a time zone", result.Error, StringComparison.Ordinal);
        Assert.Contains("holidays-missing.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("data")));
    }

    [Fact]
    public void Run_lists_its_problems_together_but_does_not_judge_the_schedule_it_does_not_use()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), FourProblems);

        var result = CliRunner.Run(["run", "--data", directory.File("data")], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("prerequisite 'contract' is not a stage", result.Error, StringComparison.Ordinal);
        Assert.Contains("holidays-missing.csv", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Schedule:", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was run", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("data")));
    }

    [Fact]
    public void An_environment_variable_overrides_the_file_and_is_checked_like_it()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """{ "Schedule": { "TimeZone": "UTC" } }""");
        var variables = new Dictionary<string, string> { ["C2C__Schedule__TimeZone"] = "Nowhere/Special" };

        // A real process: the configuration reads the process's own environment.
        var result = C2cProcess.Run(directory.Path, variables, TimeSpan.FromMinutes(1), "validate");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("Schedule:TimeZone 'Nowhere/Special'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_says_what_a_run_would_use_and_checks_a_tracker_file()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """{ "Tracker": { "Export": { "Path": "tracker.csv" } }, "Schedule": { "Cron": "0 15 3 * * ?", "TimeZone": "Europe/Berlin" } }""");
        File.WriteAllText(directory.File("tracker.csv"), "Opportunity ID,Engagement\n006000000000001,Rollout\n006000000000002,Audit\n");

        var ok = CliRunner.Run(["validate", "--data", directory.File("data")], new CliOptions(CurrentDirectory: directory.Path));

        Assert.True(ok.ExitCode == ExitCodes.Success, ok.Error);
        Assert.Contains("Configuration: ok.", ok.Out, StringComparison.Ordinal);
        Assert.Contains("'0 15 3 * * ?' in Europe/Berlin", ok.Out, StringComparison.Ordinal);
        Assert.Contains("tracker file: ok", ok.Out, StringComparison.Ordinal);
        Assert.Contains("2 row(s)", ok.Out, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory.File("data")));

        File.WriteAllText(directory.File("appsettings.json"), """{ "Tracker": { "Export": { "Path": "tracker.xlsx" } } }""");
        File.WriteAllText(directory.File("tracker.xlsx"), "this is not a workbook");
        var unreadable = CliRunner.Run(["validate"], new CliOptions(CurrentDirectory: directory.Path));
        Assert.Equal(ExitCodes.SourceFailure, unreadable.ExitCode);
        Assert.Contains("tracker file: FAILED", unreadable.Out, StringComparison.Ordinal);
    }
}
