using System.Text.Json;
using C2C.Analytics.Cli.Operations;
using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Operations;

/// <summary>
/// A real <c>c2c run</c> process killed with SIGKILL in the middle of a step (held there by the test-only pause hook),
/// then what an operator would see and do: the warehouse and the export exactly as the last good run left them, the
/// killed run shown as interrupted and later recorded as failed, and a rerun that succeeds with identical tables.
/// </summary>
public sealed class CrashSafetyTests : IClassFixture<CrashSafetyTests.Baseline>
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);
    private readonly Baseline _baseline;

    public CrashSafetyTests(Baseline baseline)
    {
        _baseline = baseline;
    }

    [Theory]
    [InlineData("models")]
    [InlineData("export")]
    public void A_run_killed_before_its_commit_leaves_warehouse_and_export_as_they_were_and_the_rerun_reproduces_them(string step)
    {
        using var directory = _baseline.Copy();
        var data = directory.File("data");

        // Another as-of date: had anything of the killed run been kept, ages and SLAs would differ.
        string killedRun;
        using (var killed = C2cProcess.Start(directory.Path, PauseAt(step), "run", "--as-of", "2025-08-15", "--data", data))
        {
            killed.WaitForError(TestPauseHook.Marker, RunTimeout);
            killed.KillHard();
            killedRun = RunIdOf(killed.Error);
        }

        var afterKill = WarehouseSnapshot.Take(data);
        WarehouseSnapshot.AssertSameTables(WithoutRunTable(_baseline.Snapshot.Tables), WithoutRunTable(afterKill.Tables), $"after a kill during {step}");
        Assert.Equal(_baseline.Snapshot.ExportFiles, afterKill.ExportFiles);

        var runs = RunsJson(directory);
        Assert.Equal("interrupted", runs[killedRun].GetProperty("status").GetString());

        var rerun = C2cProcess.Run(directory.Path, null, RunTimeout, "run", "--as-of", Baseline.AsOf, "--data", data);
        Assert.True(rerun.ExitCode == ExitCodes.SuccessWithRejects, rerun.Error);
        Assert.Contains("no longer running", rerun.Error, StringComparison.Ordinal); // the killed run's lock note, replaced
        var afterRerun = WarehouseSnapshot.Take(data);
        WarehouseSnapshot.AssertSameTables(_baseline.Snapshot.Exported, afterRerun.Exported, "after the rerun");
        Assert.Empty(Directory.GetDirectories(Path.Combine(data, "export"), ".staging-*"));

        var killedRow = RunsJson(directory)[killedRun];
        Assert.Equal("failed", killedRow.GetProperty("status").GetString());
        Assert.Contains("interrupted", killedRow.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_killed_while_publishing_after_its_commit_has_its_export_finished_by_the_next_run()
    {
        using var directory = _baseline.Copy();
        var data = directory.File("data");

        string killedRun;
        using (var killed = C2cProcess.Start(directory.Path, PauseAt("publish"), "run", "--as-of", "2025-08-15", "--data", data))
        {
            killed.WaitForError(TestPauseHook.Marker, RunTimeout);
            killed.KillHard();
            killedRun = RunIdOf(killed.Error);
        }

        // Committed: the warehouse holds the killed run's tables; one file is published, the rest wait in staging.
        var staging = Assert.Single(Directory.GetDirectories(Path.Combine(data, "export"), ".staging-*"));
        Assert.Equal(".staging-" + killedRun, Path.GetFileName(staging));
        Assert.NotEmpty(Directory.GetFiles(staging, "*.parquet"));

        var next = C2cProcess.Run(directory.Path, null, RunTimeout, "run", "--as-of", "2025-08-15", "--data", data);
        Assert.True(next.ExitCode == ExitCodes.SuccessWithRejects, next.Error);
        Assert.Contains($"recovered run {killedRun}", next.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetDirectories(Path.Combine(data, "export"), ".staging-*"));

        var killedRow = RunsJson(directory)[killedRun];
        Assert.Equal("succeeded", killedRow.GetProperty("status").GetString());
    }

    private static Dictionary<string, string> PauseAt(string step) => new() { [TestPauseHook.EnvironmentVariable] = step };

    private static string RunIdOf(string error)
    {
        var start = error.IndexOf("\"run_id\":\"", StringComparison.Ordinal);
        Assert.True(start >= 0, error);
        start += "\"run_id\":\"".Length;
        return error[start..error.IndexOf('"', start)];
    }

    private static IReadOnlyDictionary<string, string> WithoutRunTable(IReadOnlyDictionary<string, string> tables) =>
        tables.Where(t => t.Key != "etl_run").ToDictionary(t => t.Key, t => t.Value);

    private static Dictionary<string, JsonElement> RunsJson(TempDirectory directory)
    {
        var result = CliRunner.Run(["runs", "--data", directory.File("data"), "--format", "json"], new CliOptions(CurrentDirectory: directory.Path));
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .ToDictionary(row => row.GetProperty("run_id").GetString()!);
    }

    /// <summary>One good run, made once: each test starts from a copy of its data folder.</summary>
    public sealed class Baseline : IDisposable
    {
        public const string AsOf = "2025-07-01";
        private readonly TempDirectory _directory = new();

        public Baseline()
        {
            File.WriteAllText(_directory.File("appsettings.json"), """{ "Pipeline": { "Threads": 1, "Sample": { "Engagements": 30, "Seed": 5 } } }""");
            var run = C2cProcess.Run(_directory.Path, null, RunTimeout, "run", "--as-of", AsOf, "--data", _directory.File("data"));
            Assert.True(run.ExitCode == ExitCodes.SuccessWithRejects, run.Error);
            Snapshot = WarehouseSnapshot.Take(_directory.File("data"));
        }

        internal WarehouseSnapshot Snapshot { get; }

        internal TempDirectory Copy()
        {
            var copy = new TempDirectory();
            foreach (var file in Directory.GetFiles(_directory.Path, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy.Path, Path.GetRelativePath(_directory.Path, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return copy;
        }

        public void Dispose() => _directory.Dispose();
    }
}
