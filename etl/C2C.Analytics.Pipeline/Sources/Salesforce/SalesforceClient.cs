using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Salesforce's REST API over <see cref="HttpClient"/>: signs in (<see cref="SalesforceAuthenticator"/>), sends every
/// call to the session's instance with the bearer token, hands successful responses to the caller as streams, and
/// <list type="bullet">
/// <item>signs in again once when a call is refused with 401 INVALID_SESSION_ID, then repeats the call;</item>
/// <item>retries 5xx, 429, timeouts and dropped connections (also a body that breaks off while it is read) after an
/// exponential backoff with jitter, or the server's Retry-After;</item>
/// <item>stops on 403 REQUEST_LIMIT_EXCEEDED, and before any call once the org's daily API usage (Sforce-Limit-Info)
/// reaches <see cref="SalesforceOptions.MaxApiUsageShare"/>;</item>
/// <item>never puts a token or a secret into a message: any text from elsewhere has them blanked out.</item>
/// </list>
/// </summary>
internal sealed class SalesforceClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly SalesforceOptions _options;
    private readonly SalesforceAuthenticator _authenticator;
    private readonly TimeProvider _clock;
    private SalesforceSession? _session;
    private int _requests;

    public SalesforceClient(SalesforceOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _clock = clock;
        _authenticator = new SalesforceAuthenticator(options, clock);
        _http = new HttpClient(new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false, // a redirect would carry the token elsewhere
        })
        {
            Timeout = Timeout.InfiniteTimeSpan, // each request has its own deadline, body included
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("C2C.Analytics", "1.0"));
    }

    /// <summary>Retry and sign-in notes for a person ("HTTP 503; retry 1 of 6 in 1.0 s").</summary>
    public event Action<string>? Progress;

    /// <summary>Requests sent so far, sign-ins and retries included.</summary>
    public int Requests => _requests;

    /// <summary>The org's API usage as the last response reported it.</summary>
    public ApiUsage? Usage { get; private set; }

    /// <summary>The REST path of a resource in the configured API version: <c>/services/data/v66.0/query</c>.</summary>
    public string DataPath(string resource) => $"/services/data/v{_options.ApiVersion}/{resource}";

    public int TimeoutSeconds => _options.RequestTimeoutSeconds;

    public async Task AuthenticateAsync(CancellationToken cancellationToken)
    {
        var subject = $"Salesforce login ({_authenticator.GrantType}) at {_authenticator.TokenUrl.GetLeftPart(UriPartial.Authority)}";
        _session = await SendWithRetriesAsync(subject, authenticated: false, _authenticator.TokenRequest, _authenticator.ReadTokenAsync,
            failure => _authenticator.Hint(failure), cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> to the instance and hands a successful response to <paramref name="consume"/>.
    /// If its body breaks off while it is consumed, the request is sent again: <paramref name="consume"/> must undo what
    /// it did first. <paramref name="subject"/> names what is read ("Opportunity page 2") in messages.
    /// </summary>
    public async Task<T> SendAsync<T>(SalesforceRequest request, string subject, Func<HttpResponseMessage, CancellationToken, Task<T>> consume, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_session is null)
        {
            await AuthenticateAsync(cancellationToken);
        }

        return await SendWithRetriesAsync(subject, authenticated: true, () => Build(request), consume, _ => null, cancellationToken);
    }

    /// <summary>An absolute URL of this instance for a path the server sent (a <c>nextRecordsUrl</c>).</summary>
    /// <exception cref="InvalidDataException">The path leaves <c>/services/data/</c> of the instance.</exception>
    public Uri InstanceUrl(string pathAndQuery)
    {
        var instance = _session?.InstanceUrl ?? throw new InvalidOperationException("Not signed in.");
        if (!pathAndQuery.StartsWith("/services/data/", StringComparison.Ordinal) || pathAndQuery.Contains("..", StringComparison.Ordinal)
            || !Uri.TryCreate(instance, pathAndQuery, out var url) || url.Scheme != instance.Scheme || url.Authority != instance.Authority)
        {
            throw new InvalidDataException($"'{pathAndQuery}' is not a REST path of the Salesforce instance {instance.GetLeftPart(UriPartial.Authority)}.");
        }

        return url;
    }

    /// <summary>Blanks every token and secret out of text that came from elsewhere (a server that echoes, an exception).</summary>
    public string Scrub(string text)
    {
        foreach (var secret in _authenticator.Secrets().Where(s => s.Trim().Length >= 4).OrderByDescending(s => s.Length))
        {
            foreach (var form in new[] { secret, Uri.EscapeDataString(secret), WebUtility.UrlEncode(secret) }.Distinct())
            {
                text = text.Replace(form, "[secret]", StringComparison.Ordinal);
            }
        }

        return text;
    }

    public void Dispose()
    {
        _http.Dispose();
        _authenticator.Dispose();
    }

    private async Task<T> SendWithRetriesAsync<T>(string subject, bool authenticated, Func<HttpRequestMessage> build,
        Func<HttpResponseMessage, CancellationToken, Task<T>> consume, Func<SalesforceFailure, string?> hint, CancellationToken cancellationToken)
    {
        var signedInAgain = false;
        for (var attempt = 0; ;)
        {
            if (authenticated)
            {
                ThrowIfOverBudget(subject);
            }

            Interlocked.Increment(ref _requests);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds));
            SalesforceFailure failure;
            try
            {
                using var message = build();
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
                if (response.Headers.TryGetValues(ApiUsage.Header, out var limitInfo) && ApiUsage.Parse(limitInfo.FirstOrDefault()) is { } usage)
                {
                    Usage = usage;
                }

                if (response.IsSuccessStatusCode)
                {
                    return await consume(response, deadline.Token);
                }

                failure = await SalesforceFailure.FromResponseAsync(response, _clock, deadline.Token);
            }
            catch (Exception e) when (e is HttpRequestException or IOException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failure = SalesforceFailure.FromException(e);
            }

            if (authenticated && failure.IsSessionInvalid && !signedInAgain)
            {
                signedInAgain = true;
                Progress?.Invoke($"{subject}: {Scrub(failure.Describe(TimeoutSeconds))}; signing in again");
                await AuthenticateAsync(cancellationToken);
                continue;
            }

            if (!failure.IsRetryable || attempt >= _options.MaxRetries)
            {
                throw failure.ToException(subject, attempt, TimeoutSeconds, Scrub, hint(failure));
            }

            var delay = HttpRetry.Delay(failure.RetryAfter, attempt, TimeSpan.FromMilliseconds(_options.RetryBaseDelayMilliseconds));
            Progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{subject}: {Scrub(failure.Describe(TimeoutSeconds))}; retry {attempt + 1} of {_options.MaxRetries} in {delay.TotalSeconds:0.0} s"));
            await Task.Delay(delay, _clock, cancellationToken);
            attempt++;
        }
    }

    private HttpRequestMessage Build(SalesforceRequest request)
    {
        var message = new HttpRequestMessage(request.Method, InstanceUrl(request.PathAndQuery));
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _session!.AccessToken);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Accept));
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Content = request.Content?.Invoke();
        return message;
    }

    private const string BudgetAdvice =
        "Nothing of this run is committed and no watermark moved; run again once the org's usage is lower, or raise MaxApiUsageShare.";

    private void ThrowIfOverBudget(string subject)
    {
        if (Usage is { } usage && usage.Share >= _options.MaxApiUsageShare)
        {
            throw new SalesforceApiException(string.Create(CultureInfo.InvariantCulture,
                $"{subject}: stopped before the next request: {usage}, at or above Salesforce:MaxApiUsageShare ({ApiUsage.Percent(_options.MaxApiUsageShare)}). {BudgetAdvice}"),
                null, "API_BUDGET");
        }
    }
}
