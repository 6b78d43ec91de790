using C2C.Analytics.SqlServer.Retry;
using C2C.Analytics.SqlServer.Tests.Support;

namespace C2C.Analytics.SqlServer.Tests.Retry;

public sealed class RetryPolicyTests
{
    private readonly List<TimeSpan> _waits = [];

    private RetryPolicy Policy(int attempts, double baseSeconds = 2, double maxSeconds = 60, double random = 0) => new(
        new RetryOptions { MaxAttempts = attempts, BaseDelaySeconds = baseSeconds, MaxDelaySeconds = maxSeconds },
        TransientError.IsTransient,
        (wait, _) => { _waits.Add(wait); return Task.CompletedTask; },
        () => random);

    [Fact]
    public async Task The_backoff_doubles_from_the_base_delay_up_to_the_cap_with_jitter_between_half_and_all_of_it()
    {
        var calls = 0;
        var policy = Policy(attempts: 6, baseSeconds: 2, maxSeconds: 10, random: 0);

        var result = await policy.RunAsync("step", _ => ++calls < 6 ? throw new TransientError("busy") : Task.FromResult(calls), null, default);

        Assert.Equal(6, result);
        // Before jitter: 2, 4, 8, min(16, 10) = 10, min(32, 10) = 10 s; random 0 gives the factor 0.5.
        Assert.Equal([1.0, 2.0, 4.0, 5.0, 5.0], _waits.Select(w => w.TotalSeconds));
        Assert.Equal([2.0, 4.0, 8.0, 10.0, 10.0], Enumerable.Range(1, 5).Select(k => policy.Backoff(k).TotalSeconds));
    }

    [Fact]
    public async Task Each_retry_is_announced_and_preceded_by_the_reset()
    {
        var calls = 0;
        var resets = 0;
        var announced = new List<(string, int)>();
        var policy = Policy(attempts: 3, random: 0.5);
        policy.Retrying += (step, _, attempt, _) => announced.Add((step, attempt));

        await policy.RunAsync("load dim_date", _ => ++calls < 3 ? throw new TransientError("reset") : Task.CompletedTask, () => { resets++; return Task.CompletedTask; }, default);

        Assert.Equal([("load dim_date", 1), ("load dim_date", 2)], announced);
        Assert.Equal(2, resets);
        // random 0.5 gives the factor 0.75: 2 × 0.75 and 4 × 0.75.
        Assert.Equal([1.5, 3.0], _waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task After_the_last_attempt_the_error_is_thrown()
    {
        var calls = 0;

        await Assert.ThrowsAsync<TransientError>(() => Policy(attempts: 3).RunAsync("s", _ => { calls++; throw new TransientError("busy"); }, null, default));

        Assert.Equal(3, calls);
        Assert.Equal(2, _waits.Count);
    }

    [Fact]
    public async Task An_error_that_is_not_transient_is_thrown_at_once()
    {
        var calls = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => Policy(attempts: 5).RunAsync("s", _ => { calls++; throw new InvalidOperationException("bad"); }, null, default));

        Assert.Equal(1, calls);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_cancelled_publish_is_not_retried()
    {
        using var cancel = new CancellationTokenSource();
        var calls = 0;

        await Assert.ThrowsAsync<TransientError>(() => Policy(attempts: 5).RunAsync("s", _ => { calls++; cancel.Cancel(); throw new TransientError("busy"); }, null, cancel.Token));

        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(3, -1, 1)]
    [InlineData(3, 5, 1)]
    public void Impossible_settings_are_a_configuration_error(int attempts, double baseSeconds, double maxSeconds) =>
        Assert.Throws<PublishConfigurationException>(() => Policy(attempts, baseSeconds, maxSeconds));
}
