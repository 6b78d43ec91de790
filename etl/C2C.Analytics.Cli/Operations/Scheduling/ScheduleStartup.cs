using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace C2C.Analytics.Cli.Operations.Scheduling;

/// <summary>
/// What <c>c2c schedule</c> says and does as it starts: the schedule and the next fire time in the log (the first line
/// an operator checks), and the run a down host missed, scheduled once, now.
/// </summary>
internal sealed partial class ScheduleStartup(
    ISchedulerFactory schedulers,
    NightlySchedule schedule,
    ScheduleOptions options,
    Func<DateTimeOffset?> lastSuccessfulRun,
    TimeProvider clock,
    ILogger<ScheduleStartup> logger) : IHostedService
{
    public static readonly TriggerKey MissedRunTrigger = new("missed-run", "c2c");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var next = schedule.NextAfter(now);
        LogSchedule(logger, options.Cron, schedule.TimeZone.Id, next is { } at ? schedule.Describe(at) : "never", options.Retries, options.RetryDelay);

        if (!options.RunMissedOnStart)
        {
            return;
        }

        var last = lastSuccessfulRun();
        if (!schedule.Missed(last, now))
        {
            return;
        }

        LogMissed(logger, schedule.Describe(last!.Value));
        var scheduler = await schedulers.GetScheduler(cancellationToken).ConfigureAwait(false);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(MissedRunTrigger)
            .ForJob(PipelineJob.Key)
            .UsingJobData(PipelineJob.ReasonKey, "missed while the host was down")
            // The scheduler's clock, not the machine's: a trigger "now" must be now on the clock that fires it.
            .StartAt(now)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "c2c schedule: cron '{Cron}' in {TimeZone}; next run {NextRun}; a failed run is tried again up to {Retries} times, first after {RetryDelay}")]
    private static partial void LogSchedule(ILogger logger, string cron, string timeZone, string nextRun, int retries, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scheduled run was missed (the last successful run started {LastRun}): running once now")]
    private static partial void LogMissed(ILogger logger, string lastRun);
}
