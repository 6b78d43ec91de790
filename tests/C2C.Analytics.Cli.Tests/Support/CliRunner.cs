namespace C2C.Analytics.Cli.Tests.Support;

internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>Runs the program's entry point in this process, with its own writers, environment and current directory.</summary>
internal static class CliRunner
{
    public static CliResult Run(params string[] args) => Run(args, new CliOptions());

    public static CliResult Run(string[] args, CliOptions options, CancellationToken cancellationToken = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var variables = options.Environment ?? new Dictionary<string, string>();
        var environment = new CliEnvironment(
            output,
            error,
            options.Terminal,
            TerminalWidth: options.Terminal ? 120 : 0,
            name => variables.TryGetValue(name, out var value) ? value : null,
            options.CurrentDirectory ?? Path.GetTempPath());
        var exitCode = CliApp.RunAsync(args, environment, cancellationToken).GetAwaiter().GetResult();
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliOptions(
    bool Terminal = false,
    IReadOnlyDictionary<string, string>? Environment = null,
    string? CurrentDirectory = null);
