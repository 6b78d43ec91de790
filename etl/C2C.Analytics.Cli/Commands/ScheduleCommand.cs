using System.CommandLine;
using C2C.Analytics.Cli.Operations;
using C2C.Analytics.Cli.Operations.History;
using C2C.Analytics.Cli.Operations.Logging;
using C2C.Analytics.Cli.Operations.Scheduling;
using C2C.Analytics.DuckDb;
using Microsoft.Extensions.Hosting;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c schedule</c>: stays running and runs the pipeline on the <c>Schedule</c> cron (default nightly at 02:00),
/// through the same launcher as <c>c2c run</c>. Stops cleanly on Ctrl+C or SIGTERM (exit 0).
/// </summary>
internal sealed class ScheduleCommand
{
    private readonly CliEnvironment _environment;

    private readonly Option<string?> _data = new("--data")
    {
        Description = "The data folder every scheduled run uses. Default: $C2C_DATA, else ./data.",
        HelpName = "DIR",
    };

    private readonly Option<LogFormat> _logFormat = LogOptions.Format();

    public ScheduleCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("schedule", "Run the pipeline on its schedule (Schedule:Cron in Schedule:TimeZone, default nightly at 02:00) until stopped; for systemd, a Windows service or a terminal.")
        {
            _data, _logFormat,
        };
        Command.SetAction((parseResult, cancellationToken) => Task.Run(() => RunAsync(parseResult, cancellationToken), CancellationToken.None));
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var format = parseResult.GetValue(_logFormat);
        var logLines = LogOptions.Console(_environment, format);
        PipelineSettings settings;
        try
        {
            settings = PipelineSettings.Load(_environment);
            settings.ThrowIfInvalid(schedule: true);
        }
        catch (Exception e) when (e is ConfigurationProblemsException or InvalidDataException or FormatException)
        {
            logLines.WriteLine(LogLineFormatter.Text(DateTimeOffset.UtcNow, Microsoft.Extensions.Logging.LogLevel.Error, e.Message + Environment.NewLine + "The scheduler did not start.", null));
            return ExitCodes.ConfigurationError;
        }

        var data = parseResult.GetValue(_data);
        var warehouse = settings.WarehousePath(PipelineSettings.DataDirectory(_environment, data));
        // Runs are logged as JSON or text like c2c run's, without progress bars: nobody watches a service's screen.
        var launcher = new RunLauncher(_environment, logLines);
        using var host = ScheduleHost.Build(
            settings.Schedule,
            (fire, token) => launcher.RunAsync(new RunLaunch(fire.AsOf, data, Command: "c2c schedule"), token),
            () => LastSuccessfulRun(warehouse),
            logLines);
        await host.RunAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>When the last successful run started, from the warehouse; null when there is none or it cannot be read now.</summary>
    private static DateTimeOffset? LastSuccessfulRun(string warehouse)
    {
        if (!File.Exists(warehouse))
        {
            return null;
        }

        try
        {
            using var connection = RunHistory.OpenReadOnly(warehouse);
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT max(started_at) FROM etl_run WHERE status = 'succeeded'";
            return command.ExecuteScalar() is DateTime started ? new DateTimeOffset(DateTime.SpecifyKind(started, DateTimeKind.Utc)) : null;
        }
        catch (DuckDbException)
        {
            // In use by a run right now, or no history yet: nothing was missed that a start-up run should catch up.
            return null;
        }
    }
}
