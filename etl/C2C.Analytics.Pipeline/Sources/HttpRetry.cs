using System.Text;

namespace C2C.Analytics.Pipeline.Sources;

/// <summary>What the API clients share about a failed request: how long to wait, and what the error body said.</summary>
internal static class HttpRetry
{
    private const int MaximumErrorBody = 64 * 1024;
    private static readonly TimeSpan MaximumBackoff = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaximumRetryAfter = TimeSpan.FromMinutes(15);

    /// <summary>Exponential backoff with ±20% jitter, from <paramref name="baseDelay"/>, up to a minute.</summary>
    public static TimeSpan Backoff(int attempt, TimeSpan baseDelay)
    {
        var exponential = baseDelay * Math.Pow(2, Math.Min(attempt, 16));
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return Min(exponential * jitter, MaximumBackoff);
    }

    /// <summary>The wait before the next attempt: the server's Retry-After (up to 15 minutes) when it sent one, else the backoff.</summary>
    public static TimeSpan Delay(TimeSpan? retryAfter, int attempt, TimeSpan baseDelay) =>
        retryAfter is { } wait ? Min(wait, MaximumRetryAfter) : Backoff(attempt, baseDelay);

    /// <summary>The response's Retry-After, as seconds or as a date (null when it has none).</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The start of an error response's body as text (at most 64 KB: enough for any error object).</summary>
    public static async Task<string> ReadErrorBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaximumErrorBody];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return Encoding.UTF8.GetString(buffer, 0, length);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
