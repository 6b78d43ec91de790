namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>The network fault behind a failed request, with its text already cleared of the token.</summary>
internal sealed class SmartsheetTransportException(string message) : Exception(message);
