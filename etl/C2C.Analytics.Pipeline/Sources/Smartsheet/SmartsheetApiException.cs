namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Smartsheet answered with an error the client does not retry (or kept answering with a retryable one): the message
/// names what was being read, Smartsheet's error code, message and refId. It never holds the access token.
/// </summary>
public sealed class SmartsheetApiException : Exception
{
    public SmartsheetApiException(string message, int? httpStatus, int? errorCode, string? refId, Exception? inner = null)
        : base(message, inner)
    {
        HttpStatus = httpStatus;
        ErrorCode = errorCode;
        RefId = refId;
    }

    public int? HttpStatus { get; }

    /// <summary>Smartsheet's <c>errorCode</c> (1002 invalid token, 1003 expired token, 1004 not authorized, 1006 not found, 4003 rate limit…).</summary>
    public int? ErrorCode { get; }

    public string? RefId { get; }
}
