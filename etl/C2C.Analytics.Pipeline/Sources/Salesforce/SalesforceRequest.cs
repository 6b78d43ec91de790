namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>
/// One call to the org's instance: a path under <c>/services/data/</c> (with its query string), the body (built anew
/// for every attempt) and what to accept.
/// </summary>
internal sealed record SalesforceRequest(HttpMethod Method, string PathAndQuery, Func<HttpContent>? Content = null, string Accept = "application/json")
{
    public static SalesforceRequest Get(string pathAndQuery, string accept = "application/json") => new(HttpMethod.Get, pathAndQuery, null, accept);

    /// <summary>Extra headers (Sforce-Query-Options).</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];
}
