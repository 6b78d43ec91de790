using C2C.Analytics.Cli.Operations.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace C2C.Analytics.Cli.Operations.Scheduling;

/// <summary>
/// The generic host behind <c>c2c schedule</c>: Quartz with the pipeline job on its cron trigger, the start-up check
/// for a missed run, log lines through the same provider as <c>c2c run</c>, and a graceful stop (Ctrl+C, SIGTERM, a
/// service stop): the running step finishes or rolls back, within <see cref="ScheduleOptions.ShutdownTimeout"/>.
/// Runs as a console program, a systemd service or a Windows service alike. Tests build it with a fake clock and a
/// fake run.
/// </summary>
internal static class ScheduleHost
{
    public static readonly TriggerKey NightlyTrigger = new("nightly", "c2c");

    public static IHost Build(
        ScheduleOptions options,
        Func<ScheduledFire, CancellationToken, Task<int>> launch,
        Func<DateTimeOffset?> lastSuccessfulRun,
        LineLoggerProvider logLines,
        TimeProvider? clock = null)
    {
        var time = clock ?? TimeProvider.System;
        var schedule = new NightlySchedule(options);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logLines);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        // Quartz's own start and stop chatter stays out of the operator's log; its warnings and errors do not.
        builder.Logging.AddFilter("Quartz", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddWindowsService(o => o.ServiceName = "c2c");
        builder.Services.AddSystemd();

        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(schedule);
        builder.Services.AddSingleton(launch);
        builder.Services.AddSingleton(lastSuccessfulRun);
        builder.Services.AddSingleton<ScheduledRun>();

        builder.AddQuartz(quartz =>
        {
            quartz.UseTimeProvider(time);
            quartz.AddJob<PipelineJob>(job => job.WithIdentity(PipelineJob.Key).DisallowConcurrentExecution().StoreDurably());
            quartz.AddTrigger(trigger => trigger
                .WithIdentity(NightlyTrigger)
                .ForJob(PipelineJob.Key)
                .WithSchedule(schedule.Builder()));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<ScheduleStartup>();
        return builder.Build();
    }
}
