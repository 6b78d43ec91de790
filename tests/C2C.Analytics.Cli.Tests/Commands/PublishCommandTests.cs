using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using C2C.Analytics.Cli.Tests.Support;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Tests.Commands;

/// <summary>
/// <c>c2c publish</c> and <c>c2c run --target sqlserver</c> as an operator meets them when the server cannot be
/// reached (no SQL Server runs here; the whole publish against a real one is the SQL Server integration suite): the
/// exit codes, that the warehouse keeps the run, that the password never appears.
/// </summary>
public sealed partial class PublishCommandTests
{
    private const string Password = "Pa55-never-printed";

    [Fact]
    public void Publish_without_a_connection_string_is_a_configuration_error()
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "publish", "--data", directory.File("data"));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("C2C__Publish__SqlServer__ConnectionString", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was published.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_publish_after_a_run_exits_7_keeps_the_run_and_c2c_publish_publishes_that_run_again()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), Settings(ClosedPort(), target: null));
        var data = directory.File("data");

        var run = Run(directory, "run", "--as-of", "2025-06-30", "--data", data, "--target", "sqlserver");

        Assert.Equal(ExitCodes.PublishFailed, run.ExitCode);
        Assert.Contains("succeeded", run.Out, StringComparison.Ordinal);
        Assert.Contains("run c2c publish to publish it again", run.Error, StringComparison.Ordinal);
        // The served tables passed the checks of their declared keys and lengths before the server was tried.
        var publishing = PublishingRun().Match(run.Error);
        Assert.True(publishing.Success, run.Error);
        Assert.Contains("connect: transient error (error 0", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Out + run.Error, StringComparison.Ordinal);
        var (runId, status) = LastRun(data);
        Assert.Equal((publishing.Groups["run"].Value, "succeeded"), (runId, status));
        Assert.True(File.Exists(Path.Combine(data, "export", "dim_engagement.parquet")));
        var landed = Directory.GetFileSystemEntries(Path.Combine(data, "landing"), "*", SearchOption.AllDirectories).Length;

        var publish = Run(directory, "publish", "--data", data);

        Assert.Equal(ExitCodes.PublishFailed, publish.ExitCode);
        Assert.Equal(runId, PublishingRun().Match(publish.Error).Groups["run"].Value);
        Assert.Equal(landed, Directory.GetFileSystemEntries(Path.Combine(data, "landing"), "*", SearchOption.AllDirectories).Length);
        Assert.DoesNotContain(Password, publish.Out + publish.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_target_is_used_unless_the_run_says_none()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), Settings(ClosedPort(), target: "sqlserver"));

        var result = Run(directory, "run", "--as-of", "2025-06-30", "--data", directory.File("data"), "--target", "none");

        // The sample plants bad rows: a committed run with rejects exits 3; a publish failure would exit 7.
        Assert.Equal(ExitCodes.SuccessWithRejects, result.ExitCode);
        Assert.DoesNotContain("publishing run", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_target_is_bad_usage()
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "run", "--target", "oracle");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("sqlserver", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Publish_with_no_warehouse_says_to_run_first()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), Settings(ClosedPort(), target: null));

        var result = Run(directory, "publish", "--data", directory.File("data"));

        Assert.Equal(ExitCodes.PublishFailed, result.ExitCode);
        Assert.Contains("There is no warehouse at", result.Error, StringComparison.Ordinal);
        Assert.Contains("run c2c run first", result.Error, StringComparison.Ordinal);
    }

    private static string Settings(int port, string? target) => $$"""
        {
          "Pipeline": { "Threads": 2, "Sample": { "Engagements": 40, "Seed": 3 } },
          "Publish": {
            "Target": {{(target is null ? "null" : $"\"{target}\"")}},
            "SqlServer": {
              "ConnectionString": "Server=tcp:127.0.0.1,{{port}};Database=bi;User ID=c2c;Password={{Password}};Connect Timeout=2",
              "Retry": { "MaxAttempts": 2, "BaseDelaySeconds": 0.05, "MaxDelaySeconds": 0.1 }
            }
          }
        }
        """;

    /// <summary>A port on this machine that nothing listens on.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static (string RunId, string Status) LastRun(string data)
    {
        using var connection = new DuckDbConnection($"Data Source={Path.Combine(data, "warehouse.duckdb")};access_mode=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT run_id, status FROM etl_run ORDER BY started_at DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), reader.GetString(1));
    }

    private static CliResult Run(TempDirectory directory, params string[] args) =>
        CliRunner.Run(args, new CliOptions(CurrentDirectory: directory.Path));

    [GeneratedRegex(@"publishing run (?<run>\S+) \(\d+ tables\) to schema c2c on server tcp:127\.0\.0\.1,\d+, database bi")]
    private static partial Regex PublishingRun();
}
