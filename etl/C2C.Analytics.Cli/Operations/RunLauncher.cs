using C2C.Analytics.Calendar;
using C2C.Analytics.Cli.Commands;
using C2C.Analytics.Cli.Operations.Logging;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Report;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Sources.Smartsheet;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Models;
using Microsoft.Extensions.Logging;

namespace C2C.Analytics.Cli.Operations;

/// <summary>
/// Launches one run of the pipeline the same way for <c>c2c run</c> and for <c>c2c schedule</c>, so the two cannot
/// drift apart: configuration checked as a whole (exit 5), the warehouse lock taken (exit 6), the run's log opened in
/// <c>&lt;data&gt;/logs/&lt;run_id&gt;.jsonl</c>, the runner built (<see cref="ConfiguredSources"/>), run, its summary printed,
/// then the steps that follow a committed run (<see cref="AfterCommittedRun"/>). Returns the exit code
/// (<see cref="ExitCodes"/>).
/// </summary>
internal sealed partial class RunLauncher(CliEnvironment environment, LineLoggerProvider console, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Shows a progress display on a terminal while the run goes; null (plain log lines) elsewhere.</summary>
    public TerminalProgress? Progress { get; init; }

    public async Task<int> RunAsync(RunLaunch launch, CancellationToken cancellationToken)
    {
        using var consoleOnly = new LoggerFactory([console]);
        var startLog = consoleOnly.CreateLogger(LogCategory);
        PipelineSettings settings;
        try
        {
            settings = PipelineSettings.Load(environment, launch.TrackerFile);
            settings.ThrowIfInvalid();
        }
        catch (ConfigurationProblemsException e)
        {
            LogNothingRun(startLog, e.Message);
            return ExitCodes.ConfigurationError;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            // An appsettings.json that is not valid JSON: the inner message says where.
            LogNothingRun(startLog, $"{e.Message}{(e.InnerException is { } inner ? " " + inner.Message : string.Empty)}");
            return ExitCodes.ConfigurationError;
        }

        var dataDirectory = PipelineSettings.DataDirectory(environment, launch.Data);
        var warehouse = settings.WarehousePath(dataDirectory);
        var runId = LandingArea.NewRunId(_clock.GetUtcNow());
        WarehouseLock? held = null;
        if (!warehouse.StartsWith(WarehouseLocation.InMemory, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                held = WarehouseLock.Acquire(warehouse, launch.Command, runId, _clock);
            }
            catch (WarehouseLockedException e)
            {
                LogLockHeld(startLog, e.Message);
                return ExitCodes.LockHeld;
            }
        }

        using (held)
        using (var logFile = RunLogFile.Create(dataDirectory, runId))
        using (var logs = new LoggerFactory([console, logFile.Provider]))
        {
            var log = logs.CreateLogger(LogCategory);
            using var scope = log.BeginScope(new Dictionary<string, object?> { ["run_id"] = runId });
            if (held?.Stale is { } stale)
            {
                LogStaleLock(log, stale.ToString());
            }

            LogStarting(log, runId, launch.Command, dataDirectory, warehouse, logFile.Path);
            return await RunLockedAsync(settings, launch, runId, dataDirectory, log, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<int> RunLockedAsync(PipelineSettings settings, RunLaunch launch, string runId, string dataDirectory, ILogger log,
        CancellationToken cancellationToken)
    {
        try
        {
            var (runner, models) = CreateRunner(settings);
            var pause = TestPauseHook.FromEnvironment(environment);
            runner.Progress += line =>
            {
                LogProgress(log, line);
                pause?.OnProgress(line, cancellationToken);
            };
            var asOf = launch.AsOf ?? DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
            var request = new RunRequest(dataDirectory, asOf, launch.FullRefresh, launch.LandingRunId) { RunId = runId };
            var summary = Progress is { } progress
                ? await progress.ShowAsync(runner, models, console, () => runner.RunAsync(request, cancellationToken)).ConfigureAwait(false)
                : await runner.RunAsync(request, cancellationToken).ConfigureAwait(false);
            RunSummaryPrinter.Print(summary, environment.Out);
            var rejected = summary.RejectsByReason.Sum(r => r.Count);
            LogSucceeded(log, runId, summary.Elapsed.TotalSeconds, summary.Sources.Sum(s => s.Loaded), rejected);
            var afterRun = AfterCommittedRun(summary, dataDirectory, launch.Target, cancellationToken);
            return afterRun != ExitCodes.Success ? afterRun : rejected > 0 ? ExitCodes.SuccessWithRejects : ExitCodes.Success;
        }
        catch (Exception e) when (e is TrackerConfigurationException or CalendarConfigurationException or ModelCatalogException
            or SmartsheetConfigurationException or SalesforceConfigurationException or ReportConfigurationException or FxRateFileException)
        {
            LogNothingRun(log, e.Message);
            return ExitCodes.ConfigurationError;
        }
        catch (PipelineRunException e)
        {
            LogRunFailed(log, e.Message);
            return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted
                : e.InnerException is SourceFailureException ? ExitCodes.SourceFailure
                : ExitCodes.Failure;
        }
    }

    /// <summary>The runner, on the sources the configuration names; and how many models it will build (for progress).</summary>
    private (PipelineRunner Runner, int Models) CreateRunner(PipelineSettings settings)
    {
        var catalog = ModelCatalog.Load(ModelCatalog.DefaultDirectory);
        var runner = new PipelineRunner(settings.Pipeline, settings.Tracker, settings.Calendar, ConfiguredSources(settings), catalog, FunctionsDirectory, _clock)
        {
            ReportOptions = settings.Report,
        };
        return (runner, catalog.Models.Count);
    }

    /// <summary>
    /// The run's source, as the configuration names it (a tracker export, Smartsheet, else the built-in sample). A new
    /// source is bound in <see cref="PipelineSettings"/> and chosen here; the guard marks its failures as source failures.
    /// </summary>
    private static ISourceExtractor ConfiguredSources(PipelineSettings settings) =>
        new SourceFailureGuard(SourceExtractors.Create(settings.Pipeline, settings.Tracker, settings.Calendar, settings.Smartsheet, settings.Salesforce));

    /// <summary>
    /// What follows a committed run, in order: the dashboard, then the serving target (SQL Server) when
    /// <c>--target</c> or <c>Publish:Target</c> names one. The warehouse run stands whatever these do; the first that
    /// fails decides the exit code.
    /// </summary>
    private int AfterCommittedRun(RunSummary summary, string dataDirectory, string? target, CancellationToken cancellationToken)
    {
        var dashboard = ReportCommand.WriteAfterRun(environment, summary, dataDirectory);
        var published = PublishCommand.PublishAfterRun(environment, summary, target, cancellationToken);
        return dashboard != ExitCodes.Success ? dashboard : published;
    }

    private static string FunctionsDirectory => Path.Combine(AppContext.BaseDirectory, "functions");

    private const string LogCategory = "c2c.run";

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}\nNothing was run; the warehouse and the export are unchanged.")]
    private static partial void LogNothingRun(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogLockHeld(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warehouse lock was left by {Holder}, which is no longer running; it is released and taken over.")]
    private static partial void LogStaleLock(ILogger logger, string holder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} starting ({Command}): data {DataDirectory}, warehouse {Warehouse}, log {LogFile}")]
    private static partial void LogStarting(ILogger logger, string runId, string command, string dataDirectory, string warehouse, string logFile);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Progress}")]
    private static partial void LogProgress(ILogger logger, string progress);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} succeeded in {Seconds:0.0} s: {Loaded} records loaded, {Rejected} rejected")]
    private static partial void LogSucceeded(ILogger logger, string runId, double seconds, long loaded, long rejected);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Problem}\nThe warehouse and the export are unchanged; the failure is recorded in etl_run.")]
    private static partial void LogRunFailed(ILogger logger, string problem);
}
