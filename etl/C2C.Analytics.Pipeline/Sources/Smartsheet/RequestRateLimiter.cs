namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Keeps one token's requests under Smartsheet's limit (300 a minute): a sliding one-minute window over every request
/// of the run, whatever sheet it is for, and a pause for everyone after a 429 (its Retry-After, or the backoff).
/// </summary>
internal sealed class RequestRateLimiter(int requestsPerMinute, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Queue<DateTimeOffset> _sent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Waits until one more request may go out, and counts it.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = clock.GetUtcNow();
                while (_sent.Count > 0 && now - _sent.Peek() >= Window)
                {
                    _sent.Dequeue();
                }

                var wait = _pausedUntil > now ? _pausedUntil - now
                    : _sent.Count >= requestsPerMinute ? _sent.Peek() + Window - now
                    : TimeSpan.Zero;
                if (wait <= TimeSpan.Zero)
                {
                    _sent.Enqueue(now);
                    return;
                }

                await Task.Delay(wait, clock, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>No request goes out for <paramref name="delay"/> from now (Smartsheet said the limit was reached).</summary>
    public void Pause(TimeSpan delay)
    {
        var until = clock.GetUtcNow() + delay;
        if (until > _pausedUntil)
        {
            _pausedUntil = until;
        }
    }
}
