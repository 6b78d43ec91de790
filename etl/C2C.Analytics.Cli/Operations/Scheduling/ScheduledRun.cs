using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace C2C.Analytics.Cli.Operations.Scheduling;

/// <summary>
/// One scheduled run with its retries: the run (<see cref="RunLauncher"/> in production) is tried, and a failure that
/// may pass (the run failed, a source was down, the warehouse was busy, publishing failed) is tried again after
/// <see cref="ScheduleOptions.RetryDelay"/>, doubling each time, up to <see cref="ScheduleOptions.Retries"/> times. A
/// configuration error is not retried: it will not fix itself. A stop of the host cancels the run (its step finishes or
/// rolls back) and any wait.
/// </summary>
internal sealed partial class ScheduledRun(
    NightlySchedule schedule,
    ScheduleOptions options,
    Func<ScheduledFire, CancellationToken, Task<int>> launch,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<ScheduledRun> logger)
{
    /// <summary>Runs for the night of <paramref name="fireTime"/>; returns the exit code of the last try.</summary>
    public async Task<int> RunAsync(DateTimeOffset fireTime, string reason, CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var token = stopping.Token;
        var asOf = schedule.AsOf(fireTime);
        for (var attempt = 0; ; attempt++)
        {
            LogRunStarting(logger, reason, schedule.Describe(fireTime), asOf, attempt + 1, options.Retries + 1);
            int exitCode;
            try
            {
                exitCode = await launch(new ScheduledFire(fireTime, asOf, reason, attempt + 1), token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                exitCode = ExitCodes.Interrupted;
            }

            if (exitCode is ExitCodes.Success or ExitCodes.SuccessWithRejects)
            {
                LogRunSucceeded(logger, exitCode, NextFire());
                return exitCode;
            }

            if (token.IsCancellationRequested || exitCode is ExitCodes.Interrupted)
            {
                LogRunStopped(logger);
                return ExitCodes.Interrupted;
            }

            if (exitCode is ExitCodes.ConfigurationError or ExitCodes.Usage || attempt >= options.Retries)
            {
                LogRunGivenUp(logger, exitCode, attempt + 1, NextFire());
                return exitCode;
            }

            var delay = options.RetryDelay * Math.Pow(2, attempt);
            LogRetrying(logger, exitCode, delay);
            try
            {
                await Task.Delay(delay, clock, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                LogRunStopped(logger);
                return ExitCodes.Interrupted;
            }
        }
    }

    private string NextFire() => schedule.NextAfter(clock.GetUtcNow()) is { } next ? schedule.Describe(next) : "never";

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled run ({Reason}, due {Due}) for as-of {AsOf}: try {Attempt} of {Attempts}")]
    private static partial void LogRunStarting(ILogger logger, string reason, string due, DateOnly asOf, int attempt, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled run finished with exit code {ExitCode}; next run {NextRun}")]
    private static partial void LogRunSucceeded(ILogger logger, int exitCode, string nextRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled run failed with exit code {ExitCode}; trying again in {Delay}")]
    private static partial void LogRetrying(ILogger logger, int exitCode, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled run failed with exit code {ExitCode} after {Tries} tries; giving up until the next run {NextRun}")]
    private static partial void LogRunGivenUp(ILogger logger, int exitCode, int tries, string nextRun);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled run stopped: the host is shutting down")]
    private static partial void LogRunStopped(ILogger logger);
}

/// <summary>One try of a scheduled run: when it was due, the as-of date it runs for, why it runs, which try it is.</summary>
internal sealed record ScheduledFire(DateTimeOffset Due, DateOnly AsOf, string Reason, int Attempt);
