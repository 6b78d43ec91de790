using C2C.Analytics.Cli.Operations;
using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Operations;

/// <summary>One run at a time per warehouse, shown with two real processes.</summary>
public sealed class WarehouseLockTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void A_second_run_while_one_holds_the_warehouse_exits_6_at_once_naming_the_holder_and_a_sigterm_rolls_the_first_back()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """{ "Pipeline": { "Threads": 1, "Sample": { "Engagements": 20, "Seed": 9 } } }""");
        var data = directory.File("data");

        using var first = C2cProcess.Start(directory.Path, new Dictionary<string, string> { [TestPauseHook.EnvironmentVariable] = "models" },
            "run", "--as-of", "2025-07-01", "--data", data);
        first.WaitForError(TestPauseHook.Marker, Timeout);

        var second = C2cProcess.Run(directory.Path, null, Timeout, "run", "--as-of", "2025-07-01", "--data", data);

        Assert.Equal(ExitCodes.LockHeld, second.ExitCode);
        Assert.Contains($"process {first.Id} on {Environment.MachineName} (c2c run", second.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was run", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Run ", second.Out, StringComparison.Ordinal);

        // The history cannot be read while DuckDB holds the file for the first run: said plainly, with the holder.
        var runs = CliRunner.Run(["runs", "--data", data], new CliOptions(CurrentDirectory: directory.Path));
        Assert.Equal(ExitCodes.LockHeld, runs.ExitCode);
        Assert.Contains($"process {first.Id}", runs.Error, StringComparison.Ordinal);

        // SIGTERM: the paused step goes on, sees the cancellation between models, rolls back and exits 130.
        first.Terminate();
        Assert.Equal(ExitCodes.Interrupted, first.WaitForExit(Timeout));
        Assert.False(File.Exists(WarehouseLock.NotePath(Path.Combine(data, "warehouse.duckdb"))), "the lock note is removed on a clean exit");

        var history = CliRunner.Run(["runs", "--data", data, "--format", "csv"], new CliOptions(CurrentDirectory: directory.Path));
        Assert.Equal(0, history.ExitCode);
        var row = Assert.Single(history.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        Assert.Contains(",failed,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lock_note_left_by_a_killed_process_is_recognised_and_the_next_run_takes_the_lock()
    {
        using var directory = new TempDirectory();
        int killedPid;
        using (var killed = C2cProcess.Start(directory.Path, new Dictionary<string, string> { [TestPauseHook.EnvironmentVariable] = "models" },
            "run", "--as-of", "2025-07-01", "--data", directory.File("data")))
        {
            killedPid = killed.Id;
            killed.WaitForError(TestPauseHook.Marker, Timeout);
            killed.KillHard();
        }

        var dataWarehouse = Path.Combine(directory.File("data"), "warehouse.duckdb");
        Assert.True(File.Exists(WarehouseLock.NotePath(dataWarehouse)), "a killed process cannot remove its note");
        Assert.Null(WarehouseLock.CurrentHolder(dataWarehouse));

        using var taken = WarehouseLock.Acquire(dataWarehouse, "test", runId: null);
        Assert.Equal(killedPid, taken.Stale?.ProcessId);
        Assert.Equal(Environment.ProcessId, WarehouseLock.CurrentHolder(dataWarehouse)?.ProcessId);
    }
}
