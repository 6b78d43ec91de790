namespace C2C.Analytics.Pipeline.Sources.Salesforce;

/// <summary>The network fault behind a failed request, its message scrubbed of secrets.</summary>
public sealed class SalesforceTransportException(string message) : Exception(message);
