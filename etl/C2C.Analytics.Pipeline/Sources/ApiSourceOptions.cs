namespace C2C.Analytics.Pipeline.Sources;

/// <summary>What the configuration of every API source has: how patiently a request is retried, and its checks.</summary>
public abstract class ApiSourceOptions
{
    /// <summary>Retries of one request after a rate limit, a server error, a timeout or a dropped connection, before the run fails.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>The first backoff; it doubles on each retry (with jitter), up to a minute. A Retry-After header wins.</summary>
    public int RetryBaseDelayMilliseconds { get; set; } = 1000;

    /// <summary>Time allowed for one response, body included.</summary>
    public int RequestTimeoutSeconds { get; set; } = 300;

    /// <summary>The configuration section, which every message names ("Smartsheet:PageSize …").</summary>
    protected abstract string Section { get; }

    /// <summary>https, or http to this machine (a local test server).</summary>
    internal static bool IsHttps(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>Adds "Section:message" to <paramref name="problems"/> unless <paramref name="ok"/>.</summary>
    protected void Check(List<string> problems, bool ok, string message)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!ok)
        {
            problems.Add(Section + ":" + message);
        }
    }

    /// <summary>The retry settings' problems.</summary>
    protected void CheckRetries(List<string> problems)
    {
        Check(problems, MaxRetries >= 0, "MaxRetries must be zero or more.");
        Check(problems, RetryBaseDelayMilliseconds >= 0, "RetryBaseDelayMilliseconds must be zero or more.");
        Check(problems, RequestTimeoutSeconds >= 1, "RequestTimeoutSeconds must be at least 1.");
    }
}
