using System.CommandLine;
using System.CommandLine.Invocation;
using C2C.Analytics.Cli.Commands;

namespace C2C.Analytics.Cli;

/// <summary>Builds the <c>c2c</c> command tree and runs one command line.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parseResult = CreateRootCommand(environment).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            // Ctrl+C and SIGTERM cancel the action's token (which interrupts DuckDB); off by default in 2.0. The
            // scheduler's host handles the signals itself and waits as long as Schedule:ShutdownTimeout says.
            ProcessTerminationTimeout = parseResult.CommandResult.Command.Name == "schedule" ? null : TimeSpan.FromSeconds(5),
        };
        var exitCode = await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        // System.CommandLine exits with 1 after a parse error; c2c keeps 1 for failures and reports bad usage as 2.
        return parseResult.Action is ParseErrorAction ? ExitCodes.Usage : exitCode;
    }

    public static RootCommand CreateRootCommand(CliEnvironment environment)
    {
        var root = new RootCommand(
            "c2c: the C2C.Analytics command line. Contract-to-Cash analytics over an embedded DuckDB warehouse.\n\n" +
            "Exit codes: 0 success, 1 failure (a failed run, an error reported by DuckDB), 2 bad usage (including a database\n" +
            "file that does not exist), 3 success with rejected records, 4 a source failed, 5 configuration error, 6 the warehouse\n" +
            "is in use by another run, 7 publishing failed, 130 interrupted (Ctrl+C or SIGTERM).");
        foreach (var option in root.Options)
        {
            if (option is VersionOption version)
            {
                version.Action = new VersionAction();
            }
        }

        root.Subcommands.Add(new RunCommand(environment).Command);
        root.Subcommands.Add(new ModelsCommand(environment).Command);
        root.Subcommands.Add(new SqlCommand(environment).Command);
        root.Subcommands.Add(new SampleCommand(environment).Command);
        root.Subcommands.Add(new CalendarCommand(environment).Command);
        root.Subcommands.Add(new ReportCommand(environment).Command);
        root.Subcommands.Add(new PublishCommand(environment).Command);
        root.Subcommands.Add(new PowerBiCommand(environment).Command);
        root.Subcommands.Add(new RunsCommand(environment).Command);
        root.Subcommands.Add(new RejectsCommand(environment).Command);
        root.Subcommands.Add(new ScheduleCommand(environment).Command);
        root.Subcommands.Add(new ValidateCommand(environment).Command);
        root.Subcommands.Add(new SourcesCommand(environment).Command);
        return root;
    }
}
