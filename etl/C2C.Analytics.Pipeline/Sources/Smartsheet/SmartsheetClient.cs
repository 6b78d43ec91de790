using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Smartsheet API 2.0 over <see cref="HttpClient"/>: a bearer token on every request, bodies streamed to the caller,
/// the rate limit kept across the run, and retries: 429 / 4003 (rate limit) after Retry-After or a backoff that pauses
/// every request; 4001, 4002, 4004, other 5xx without an error object, timeouts and dropped connections after an
/// exponential backoff with jitter. Anything else fails at once with Smartsheet's code and message. The token is never
/// part of a message: any text that echoes it has it blanked out.
/// </summary>
internal sealed class SmartsheetClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SmartsheetOptions _options;
    private readonly RequestRateLimiter _limiter;
    private readonly TimeProvider _clock;
    private readonly string _token;
    private int _requests;

    public SmartsheetClient(SmartsheetOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _clock = clock;
        _token = options.AccessToken!.Trim();
        _limiter = new RequestRateLimiter(options.RequestsPerMinute, clock);
        _http = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/"),
            Timeout = Timeout.InfiniteTimeSpan, // each request has its own deadline, body included
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("C2C.Analytics", "1.0"));
    }

    /// <summary>Retry notes for a person ("rate limited, waiting 2 s").</summary>
    public event Action<string>? Progress;

    /// <summary>Requests sent so far, retries included.</summary>
    public int Requests => _requests;

    /// <summary>
    /// GETs <paramref name="relativeUrl"/> (relative to the base URL) and hands a successful body to
    /// <paramref name="consume"/>. <paramref name="subject"/> names what is read ("sheet 123") in messages. If the body
    /// breaks off while it is consumed, the request is retried: <paramref name="consume"/> must undo what it did first.
    /// </summary>
    public async Task<T> GetAsync<T>(string relativeUrl, string subject, Func<Stream, CancellationToken, Task<T>> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consume);
        for (var attempt = 0; ; attempt++)
        {
            await _limiter.WaitAsync(cancellationToken);
            Interlocked.Increment(ref _requests);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
            SmartsheetFailure failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, relativeUrl);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (response.IsSuccessStatusCode)
                {
                    await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
                    return await consume(body, deadline.Token);
                }

                failure = await SmartsheetFailure.FromResponseAsync(response, _clock, deadline.Token);
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = SmartsheetFailure.FromException(e);
            }

            if (!failure.IsRetryable || attempt >= _options.MaxRetries)
            {
                throw failure.ToException(subject, attempt, Scrub);
            }

            var delay = HttpRetry.Delay(failure.RetryAfter, attempt, TimeSpan.FromMilliseconds(_options.RetryBaseDelayMilliseconds));
            Progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{subject}: {Scrub(failure.Describe())}; retry {attempt + 1} of {_options.MaxRetries} in {delay.TotalSeconds:0.0} s"));
            if (failure.IsRateLimit)
            {
                // The limit is per token: every request waits, whatever sheet it is for.
                _limiter.Pause(delay);
            }
            else
            {
                await Task.Delay(delay, _clock, cancellationToken);
            }
        }
    }

    public void Dispose() => _http.Dispose();

    /// <summary>Blanks the token out of text that came from elsewhere (a server that echoes headers, an exception).</summary>
    internal string Scrub(string text) =>
        _token.Length == 0 ? text : text.Replace(_token, "[access token]", StringComparison.Ordinal);
}
