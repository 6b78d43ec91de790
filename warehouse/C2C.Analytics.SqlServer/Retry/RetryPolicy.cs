namespace C2C.Analytics.SqlServer.Retry;

/// <summary>
/// Runs one idempotent step, trying again after a transient error with exponential backoff and jitter: the delay
/// before retry k (k = 1, 2, …) is BaseDelay × 2^(k−1), capped at MaxDelay, then multiplied by a random factor in
/// [0.5, 1.0) so that many clients cut off by the same failover do not come back at the same instant.
/// </summary>
public sealed class RetryPolicy
{
    private readonly RetryOptions _options;
    private readonly Func<Exception, bool> _isTransient;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly Func<double> _random;

    public RetryPolicy(RetryOptions options, Func<Exception, bool>? isTransient = null, Func<TimeSpan, CancellationToken, Task>? delay = null, Func<double>? random = null)
    {
        if (options.MaxAttempts < 1 || options.BaseDelaySeconds < 0 || options.MaxDelaySeconds < options.BaseDelaySeconds)
        {
            throw new PublishConfigurationException(
                "Publish:SqlServer:Retry needs MaxAttempts of 1 or more and 0 ≤ BaseDelaySeconds ≤ MaxDelaySeconds.");
        }

        _options = options;
        _isTransient = isTransient ?? TransientSqlErrors.IsTransient;
        _delay = delay ?? Task.Delay;
        _random = random ?? Random.Shared.NextDouble;
    }

    /// <summary>Told of each retry: the step, the error, the attempt that failed, the delay before the next.</summary>
    public event Action<string, Exception, int, TimeSpan>? Retrying;

    /// <summary>The delay before retry <paramref name="retry"/> (1 for the first), before jitter.</summary>
    public TimeSpan Backoff(int retry) =>
        TimeSpan.FromSeconds(Math.Min(_options.MaxDelaySeconds, _options.BaseDelaySeconds * Math.Pow(2, retry - 1)));

    public async Task<T> RunAsync<T>(string step, Func<CancellationToken, Task<T>> action, Func<Task>? beforeRetry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt < _options.MaxAttempts && !cancellationToken.IsCancellationRequested && _isTransient(e))
            {
                var delay = Backoff(attempt) * (0.5 + (_random() / 2));
                Retrying?.Invoke(step, e, attempt, delay);
                await _delay(delay, cancellationToken).ConfigureAwait(false);
                if (beforeRetry is not null)
                {
                    await beforeRetry().ConfigureAwait(false);
                }
            }
        }
    }

    public Task RunAsync(string step, Func<CancellationToken, Task> action, Func<Task>? beforeRetry, CancellationToken cancellationToken) =>
        RunAsync(step, async ct => { await action(ct).ConfigureAwait(false); return true; }, beforeRetry, cancellationToken);
}
