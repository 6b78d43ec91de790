using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>One failed request: what Salesforce (or the network) said, whether to retry, and how the run reports it.</summary>
internal sealed partial record SalesforceFailure(int? HttpStatus, SalesforceError Error, TimeSpan? RetryAfter, Exception? Exception)
{
    public const string RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED";

    /// <summary>401 (INVALID_SESSION_ID): the session expired or was revoked; signing in again may help, once.</summary>
    public bool IsSessionInvalid => HttpStatus == 401 && Error.ErrorCode is null or "INVALID_SESSION_ID";

    /// <summary>403 REQUEST_LIMIT_EXCEEDED: the org's API requests are used up; waiting minutes does not help.</summary>
    public bool IsRequestLimit => Error.ErrorCode == RequestLimitExceeded;

    /// <summary>Server errors, 429, 408, timeouts and dropped connections: worth another attempt after a wait.</summary>
    public bool IsRetryable => !IsRequestLimit
        && (HttpStatus is 429 or 408 or >= 500 || Exception is not null || Error.ErrorCode is "SERVER_UNAVAILABLE");

    public static async Task<SalesforceFailure> FromResponseAsync(HttpResponseMessage response, TimeProvider clock, CancellationToken cancellationToken) =>
        new((int)response.StatusCode, SalesforceError.Parse(await HttpRetry.ReadErrorBodyAsync(response, cancellationToken)),
            HttpRetry.RetryAfter(response, clock), null);

    public static SalesforceFailure FromException(Exception exception) => new(null, SalesforceError.None, null, exception);

    /// <summary>One line: "HTTP 400 INVALID_FIELD: No such column 'Foo__c' on entity 'Opportunity'. …".</summary>
    public string Describe(int timeoutSeconds)
    {
        if (Exception is not null)
        {
            return Exception is OperationCanceledException
                ? string.Create(CultureInfo.InvariantCulture, $"no answer within {timeoutSeconds} s")
                : "the connection failed: " + Exception.Message;
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"HTTP {HttpStatus}"));
        if (Error.ErrorCode is { Length: > 0 } code)
        {
            text.Append(' ').Append(code);
        }

        if (!string.IsNullOrWhiteSpace(Error.Message))
        {
            // Salesforce's messages echo the SOQL over several lines: one line per failure in a log.
            text.Append(": ").Append(LineBreaks().Replace(Error.Message.Trim(), " "));
        }

        return text.ToString();
    }

    public SalesforceApiException ToException(string subject, int retries, int timeoutSeconds, Func<string, string> scrub, string? hint = null)
    {
        var retried = retries > 0 ? string.Create(CultureInfo.InvariantCulture, $" after {retries} retries") : "";
        var message = $"{subject}: {scrub(Describe(timeoutSeconds))}{retried}.{hint ?? Hint()}";
        return new SalesforceApiException(message, HttpStatus, Error.ErrorCode,
            Exception is null ? null : new SalesforceTransportException(scrub(Exception.Message)));
    }

    private string Hint() => (Error.ErrorCode, HttpStatus) switch
    {
        (RequestLimitExceeded, _) =>
            " The org's API request limit is used up: the extract stopped, nothing of this run is committed and no watermark moved. Run again once usage is lower (the limit is over a rolling 24 hours).",
        (_, 401) =>
            " Salesforce refused the session right after signing in again: check that the integration user is active and has the API Enabled permission.",
        (_, 403) =>
            " The integration user may not do this: it needs API Enabled and read access to the object and its fields.",
        (_, 404) =>
            " Check Salesforce:ApiVersion: the org must offer that version of the REST API.",
        _ => "",
    };

    [GeneratedRegex(@"\s*[\r\n]+\s*")]
    private static partial Regex LineBreaks();
}
