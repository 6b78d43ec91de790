using Quartz;

namespace C2C.Analytics.Cli.Operations.Scheduling;

/// <summary>
/// The Quartz job: thin, it hands the fire time to <see cref="ScheduledRun"/>, which runs the same launcher as
/// <c>c2c run</c>. Never two at once: a fire that comes due during a run waits for it.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PipelineJob(ScheduledRun run) : IJob
{
    public static readonly JobKey Key = new("pipeline", "c2c");

    public const string ReasonKey = "reason";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = context.MergedJobDataMap.GetString(ReasonKey) ?? "on schedule";
        var due = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        context.Result = await run.RunAsync(due, reason, cancellationToken).ConfigureAwait(false);
    }
}
