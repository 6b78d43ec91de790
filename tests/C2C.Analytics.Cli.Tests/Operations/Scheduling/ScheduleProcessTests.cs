using C2C.Analytics.Cli.Operations;
using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Operations.Scheduling;

/// <summary><c>c2c schedule</c> as a service manager runs it: a real process, stopped with SIGTERM in the middle of a run.</summary>
public sealed class ScheduleProcessTests
{
    [Fact]
    public void Sigterm_during_a_scheduled_run_rolls_the_run_back_and_the_scheduler_exits_0()
    {
        using var directory = new TempDirectory();
        // Every 5 seconds, so that the first run starts soon after start-up.
        File.WriteAllText(directory.File("appsettings.json"), """
            { "Pipeline": { "Threads": 1, "Sample": { "Engagements": 20, "Seed": 4 } },
              "Schedule": { "Cron": "0/5 * * * * ?", "TimeZone": "UTC", "Retries": 0 } }
            """);
        var data = directory.File("data");

        using var scheduler = C2cProcess.Start(directory.Path, new Dictionary<string, string> { [TestPauseHook.EnvironmentVariable] = "models" },
            "schedule", "--data", data);
        scheduler.WaitForError(TestPauseHook.Marker, TimeSpan.FromMinutes(2));
        Assert.Contains("next run ", scheduler.Error, StringComparison.Ordinal); // the schedule is in the log at start

        scheduler.Terminate();

        Assert.Equal(ExitCodes.Success, scheduler.WaitForExit(TimeSpan.FromMinutes(2)));
        Assert.Contains("the host is shutting down", scheduler.Error, StringComparison.Ordinal);
        var runs = CliRunner.Run(["runs", "--data", data, "--format", "csv"], new CliOptions(CurrentDirectory: directory.Path));
        Assert.Equal(0, runs.ExitCode);
        var row = Assert.Single(runs.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Contains(",failed,", row, StringComparison.Ordinal); // rolled back, and recorded so
        var tables = CliRunner.Run(["sql", "select count(*) from duckdb_tables() where table_name = 'dim_engagement'", "--db", Path.Combine(data, "warehouse.duckdb"), "--format", "csv"],
            new CliOptions(CurrentDirectory: directory.Path));
        Assert.Equal("count_star()\n0\n", tables.Out);
    }
}
