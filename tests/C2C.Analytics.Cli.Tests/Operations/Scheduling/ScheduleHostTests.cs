using System.Collections.Concurrent;
using C2C.Analytics.Cli.Operations.Logging;
using C2C.Analytics.Cli.Operations.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace C2C.Analytics.Cli.Tests.Operations.Scheduling;

/// <summary>
/// The scheduler host itself (Quartz, its trigger, the start-up check) driven by a fake clock: Quartz 4 waits on the
/// clock it is given, so advancing the clock fires the trigger. The pipeline is replaced by a recording fake.
/// </summary>
public sealed class ScheduleHostTests
{
    [Fact]
    public async Task Nights_missed_while_the_host_was_down_are_run_once_at_start_up_then_the_schedule_goes_on()
    {
        // Nightly 02:00 UTC; the last successful run started 1 March 02:00; the host starts on 5 March at 12:00, so
        // four nights (2, 3, 4, 5 March) were missed.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero));
        var runs = new ConcurrentQueue<ScheduledFire>();
        using var host = Host(clock, "0 0 2 * * ?", (fire, _) => { runs.Enqueue(fire); return Task.FromResult(ExitCodes.Success); },
            lastSuccessfulRun: new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero), out var log);
        await host.StartAsync();
        try
        {
            await WaitUntil(() => runs.Count >= 1);
            await Task.Delay(300);
            var missed = Assert.Single(runs);
            Assert.Equal("missed while the host was down", missed.Reason);
            Assert.Equal(new DateOnly(2026, 3, 5), missed.AsOf);
            Assert.Contains(log, line => line.Contains("next run 2026-03-06 02:00 +00:00", StringComparison.Ordinal));

            // The schedule then goes on as usual: 6 March 02:00.
            await AdvanceTo(clock, new DateTimeOffset(2026, 3, 6, 2, 0, 1, TimeSpan.Zero));
            await WaitUntil(() => runs.Count >= 2);
            Assert.Equal(new DateTimeOffset(2026, 3, 6, 2, 0, 0, TimeSpan.Zero), runs.Last().Due);
            Assert.Equal("on schedule", runs.Last().Reason);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task No_run_at_start_up_when_the_last_scheduled_time_was_run()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 5, 12, 0, 0, TimeSpan.Zero));
        var runs = 0;
        using var host = Host(clock, "0 0 2 * * ?", (_, _) => { Interlocked.Increment(ref runs); return Task.FromResult(ExitCodes.Success); },
            lastSuccessfulRun: new DateTimeOffset(2026, 3, 5, 2, 0, 3, TimeSpan.Zero), out _);
        await host.StartAsync();
        await Task.Delay(500);
        await host.StopAsync();

        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task A_run_that_outlasts_the_interval_is_never_overlapped_and_the_fires_it_covered_run_once_after_it()
    {
        // Hourly. The 01:00 run takes until 03:30, past the 02:00 and 03:00 fires.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 59, 59, TimeSpan.Zero));
        var runs = new ConcurrentQueue<(ScheduledFire Fire, DateTimeOffset StartedAt)>();
        var running = 0;
        var mostAtOnce = 0;
        using var release = new SemaphoreSlim(0);
        async Task<int> Launch(ScheduledFire fire, CancellationToken token)
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref mostAtOnce, now);
            runs.Enqueue((fire, clock.GetUtcNow()));
            if (runs.Count == 1)
            {
                await release.WaitAsync(token);
            }

            Interlocked.Decrement(ref running);
            return ExitCodes.Success;
        }

        using var host = Host(clock, "0 0 * * * ?", Launch, lastSuccessfulRun: null, out _);
        await host.StartAsync();
        try
        {
            await AdvanceTo(clock, new DateTimeOffset(2026, 6, 1, 1, 0, 1, TimeSpan.Zero));
            await WaitUntil(() => runs.Count == 1);
            await AdvanceTo(clock, new DateTimeOffset(2026, 6, 1, 3, 30, 0, TimeSpan.Zero));
            await Task.Delay(300);
            Assert.Single(runs); // 02:00 and 03:00 came due while 01:00 was running: nothing started

            release.Release();
            await WaitUntil(() => runs.Count == 2);
            await Task.Delay(300);
            Assert.Equal(2, runs.Count); // the covered fires run once, not twice
            Assert.Equal(new DateTimeOffset(2026, 6, 1, 3, 30, 0, TimeSpan.Zero), runs.Last().StartedAt);

            await AdvanceTo(clock, new DateTimeOffset(2026, 6, 1, 4, 0, 1, TimeSpan.Zero));
            await WaitUntil(() => runs.Count == 3);
            Assert.Equal(new DateTimeOffset(2026, 6, 1, 4, 0, 0, TimeSpan.Zero), runs.Last().Fire.Due); // back on the hour
            Assert.Equal(1, mostAtOnce);
        }
        finally
        {
            release.Release();
            await host.StopAsync();
        }
    }

    private static IHost Host(FakeTimeProvider clock, string cron, Func<ScheduledFire, CancellationToken, Task<int>> launch,
        DateTimeOffset? lastSuccessfulRun, out ConcurrentQueue<string> log)
    {
        var lines = new ConcurrentQueue<string>();
        log = lines;
        var options = new ScheduleOptions { Cron = cron, TimeZone = "UTC", Retries = 0 };
        return ScheduleHost.Build(options, launch, () => lastSuccessfulRun, new LineLoggerProvider(lines.Enqueue, LogFormat.Text, clock), clock);
    }

    /// <summary>Moves the clock a minute at a time, giving the scheduler's thread a moment at each step, as real time would.</summary>
    private static async Task AdvanceTo(FakeTimeProvider clock, DateTimeOffset target)
    {
        while (clock.GetUtcNow() < target)
        {
            var step = target - clock.GetUtcNow();
            clock.Advance(step < TimeSpan.FromMinutes(1) ? step : TimeSpan.FromMinutes(1));
            await Task.Delay(5);
        }

        await Task.Delay(50);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the scheduler");
            await Task.Delay(10);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
