namespace C2C.Analytics.Cli.Operations.Logging;

/// <summary>How log lines are written to standard error: <c>--log-format auto|text|json</c>.</summary>
internal enum LogFormat
{
    /// <summary>Text on a terminal, JSON lines otherwise (a service, a pipe, a file).</summary>
    Auto,
    Text,
    Json,
}

internal static class LogFormats
{
    public static LogFormat Resolve(LogFormat requested, bool errorIsTerminal) =>
        requested == LogFormat.Auto ? (errorIsTerminal ? LogFormat.Text : LogFormat.Json) : requested;
}
