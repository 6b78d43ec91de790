namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// Salesforce answered with an error the client does not retry, kept answering with a retryable one, or the extract
/// stopped to stay within the org's API budget: the message names what was being read and what Salesforce said, and
/// never holds a token or a secret.
/// </summary>
public sealed class SalesforceApiException : Exception
{
    public SalesforceApiException(string message, int? httpStatus, string? errorCode, Exception? inner = null)
        : base(message, inner)
    {
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
    }

    public int? HttpStatus { get; }

    /// <summary>Salesforce's <c>errorCode</c> (INVALID_FIELD, REQUEST_LIMIT_EXCEEDED…) or OAuth <c>error</c> (invalid_grant…).</summary>
    public string? ErrorCode { get; }
}
