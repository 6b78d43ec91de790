using System.CommandLine;

namespace C2C.Analytics.Cli.Operations.Logging;

/// <summary>The <c>--log-format</c> option of the commands that run the pipeline, and the launcher it sets up.</summary>
internal static class LogOptions
{
    public static Option<LogFormat> Format() => new("--log-format")
    {
        Description = "Log lines on standard error: text (with progress bars on a terminal), json (one JSON object per line), or auto: text on a terminal, json otherwise.",
        HelpName = "auto|text|json",
        DefaultValueFactory = _ => LogFormat.Auto,
    };

    /// <summary>Where log lines go for this process: standard error, in the resolved format.</summary>
    public static LineLoggerProvider Console(CliEnvironment environment, LogFormat requested) =>
        new(line => environment.Error.WriteLine(line), LogFormats.Resolve(requested, environment.ErrorIsTerminal));

    public static RunLauncher Launcher(CliEnvironment environment, LogFormat requested)
    {
        var format = LogFormats.Resolve(requested, environment.ErrorIsTerminal);
        return new RunLauncher(environment, Console(environment, requested))
        {
            Progress = format == LogFormat.Text && environment.ErrorIsTerminal ? TerminalProgress.ForStandardError(environment.Error) : null,
        };
    }
}
