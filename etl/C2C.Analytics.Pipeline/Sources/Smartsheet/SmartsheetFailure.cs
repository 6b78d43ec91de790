using System.Globalization;
using System.Net;
using System.Text;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>One failed request: what Smartsheet (or the network) said, whether to retry, and how the run reports it.</summary>
internal sealed record SmartsheetFailure(int? HttpStatus, SmartsheetError Error, TimeSpan? RetryAfter, Exception? Exception)
{
    /// <summary>429 or errorCode 4003.</summary>
    public bool IsRateLimit => HttpStatus == 429 || Error.ErrorCode == 4003;

    /// <summary>The codes both official SDKs retry (4001–4004), 5xx and 408 without an error object, and network faults.</summary>
    public bool IsRetryable => IsRateLimit
        || Error.ErrorCode is 4001 or 4002 or 4004
        || (Error.ErrorCode is null && HttpStatus is >= 500 or 408)
        || Exception is not null;

    public static async Task<SmartsheetFailure> FromResponseAsync(HttpResponseMessage response, TimeProvider clock, CancellationToken cancellationToken)
    {
        var error = response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true
            ? SmartsheetError.Parse(await HttpRetry.ReadErrorBodyAsync(response, cancellationToken))
            : SmartsheetError.None;
        return new SmartsheetFailure((int)response.StatusCode, error, HttpRetry.RetryAfter(response, clock), null);
    }

    public static SmartsheetFailure FromException(Exception exception) =>
        new(null, SmartsheetError.None, null, exception);

    /// <summary>One line: "HTTP 429, Smartsheet error 4003: Rate limit exceeded. (refId …)".</summary>
    public string Describe()
    {
        if (Exception is not null)
        {
            return Exception is OperationCanceledException ? "no answer in time" : "the connection failed: " + Exception.Message;
        }

        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"HTTP {HttpStatus}"));
        if (Error.ErrorCode is { } code)
        {
            text.Append(CultureInfo.InvariantCulture, $", Smartsheet error {code}");
        }

        if (!string.IsNullOrWhiteSpace(Error.Message))
        {
            text.Append(": ").Append(Error.Message.Trim());
        }

        if (Error.RefId is { Length: > 0 } refId)
        {
            text.Append(" (refId ").Append(refId).Append(')');
        }

        return text.ToString();
    }

    public SmartsheetApiException ToException(string subject, int retries, Func<string, string> scrub)
    {
        var retried = retries > 0 ? string.Create(CultureInfo.InvariantCulture, $" after {retries} retries") : "";
        var message = $"{subject}: {scrub(Describe())}{retried}.{Hint()}";
        return new SmartsheetApiException(message, HttpStatus, Error.ErrorCode, Error.RefId, Exception is null ? null : new SmartsheetTransportException(scrub(Exception.Message)));
    }

    private string Hint() => (Error.ErrorCode, HttpStatus) switch
    {
        (1001 or 1002 or 1003, _) or (null, (int)HttpStatusCode.Unauthorized) =>
            " The access token is missing, invalid or expired: create a new one in Smartsheet (Account, Personal Settings, API Access) and set it in user secrets or C2C__Smartsheet__AccessToken.",
        (1004, _) or (null, (int)HttpStatusCode.Forbidden) =>
            " The token's user may not read it: share it with that user (Viewer is enough), or use a token of a user who can.",
        (1006, _) or (null, (int)HttpStatusCode.NotFound) =>
            " Check the ID under Smartsheet:SheetIds, WorkspaceIds or FolderIds, and that the base URL is your region's (US, EU, Gov).",
        _ => "",
    };
}
