using C2C.Analytics.Cli.Operations.Scheduling;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace C2C.Analytics.Cli.Tests.Operations.Scheduling;

/// <summary>Retries of a failed scheduled run, with backoff on a fake clock.</summary>
public sealed class ScheduledRunTests
{
    private static readonly DateTimeOffset Due = new(2026, 5, 12, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_failed_run_is_tried_again_after_the_delay_then_after_twice_the_delay_and_stops_when_it_succeeds()
    {
        var clock = new FakeTimeProvider(Due);
        var tries = new List<DateTimeOffset>();
        var results = new Queue<int>([ExitCodes.SourceFailure, ExitCodes.Failure, ExitCodes.SuccessWithRejects]);
        var run = Run(clock, retries: 3, (_, _) => { tries.Add(clock.GetUtcNow()); return Task.FromResult(results.Dequeue()); });

        var finished = run.RunAsync(Due, "on schedule", CancellationToken.None);
        await WaitUntil(() => tries.Count == 1);
        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.Single(tries); // not before the 5 minutes are up
        clock.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => tries.Count == 2);
        clock.Advance(TimeSpan.FromMinutes(10));
        await WaitUntil(() => tries.Count == 3);

        Assert.Equal(ExitCodes.SuccessWithRejects, await finished);
        // 02:00, then 5 minutes later, then 10 minutes after that (the delay doubles).
        Assert.Equal([Due, Due.AddMinutes(5), Due.AddMinutes(15)], tries);
    }

    [Fact]
    public async Task Retries_stop_at_the_configured_count_and_a_configuration_error_is_not_retried()
    {
        var clock = new FakeTimeProvider(Due);
        var failures = 0;
        var failing = Run(clock, retries: 2, (_, _) => { failures++; return Task.FromResult(ExitCodes.Failure); });
        var finished = failing.RunAsync(Due, "on schedule", CancellationToken.None);
        for (var expected = 1; expected <= 2; expected++)
        {
            await WaitUntil(() => failures == expected);
            clock.Advance(TimeSpan.FromHours(1));
        }

        Assert.Equal(ExitCodes.Failure, await finished);
        Assert.Equal(3, failures); // the first try and two retries

        var configurationTries = 0;
        var misconfigured = Run(clock, retries: 2, (_, _) => { configurationTries++; return Task.FromResult(ExitCodes.ConfigurationError); });
        Assert.Equal(ExitCodes.ConfigurationError, await misconfigured.RunAsync(Due, "on schedule", CancellationToken.None));
        Assert.Equal(1, configurationTries);
    }

    [Fact]
    public async Task A_stop_during_the_wait_for_a_retry_ends_the_run_as_interrupted()
    {
        var clock = new FakeTimeProvider(Due);
        var lifetime = new StoppableLifetime();
        var tries = 0;
        var run = Run(clock, retries: 2, (_, _) => { tries++; return Task.FromResult(ExitCodes.Failure); }, lifetime);

        var finished = run.RunAsync(Due, "on schedule", CancellationToken.None);
        await WaitUntil(() => tries == 1);
        lifetime.StopApplication();

        Assert.Equal(ExitCodes.Interrupted, await finished);
        Assert.Equal(1, tries);
    }

    [Fact]
    public async Task The_as_of_date_is_the_date_the_run_was_due_in_the_schedule_time_zone()
    {
        // 03:30 UTC on 12 May is 23:30 EDT on 11 May in New York: a run due then is for 11 May.
        var clock = new FakeTimeProvider(Due);
        ScheduledFire? fire = null;
        var run = Run(clock, retries: 0, (f, _) => { fire = f; return Task.FromResult(ExitCodes.Success); }, timeZone: "America/New_York");

        await run.RunAsync(new DateTimeOffset(2026, 5, 12, 3, 30, 0, TimeSpan.Zero), "on schedule", CancellationToken.None);

        Assert.Equal(new DateOnly(2026, 5, 11), fire?.AsOf);
    }

    private static ScheduledRun Run(FakeTimeProvider clock, int retries, Func<ScheduledFire, CancellationToken, Task<int>> launch,
        StoppableLifetime? lifetime = null, string timeZone = "UTC")
    {
        var options = new ScheduleOptions { TimeZone = timeZone, Retries = retries, RetryDelay = TimeSpan.FromMinutes(5) };
        return new ScheduledRun(new NightlySchedule(options), options, launch, clock, lifetime ?? new StoppableLifetime(), NullLogger<ScheduledRun>.Instance);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(10);
        }
    }

    private sealed class StoppableLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => _stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => _stopping.Cancel();
    }
}
