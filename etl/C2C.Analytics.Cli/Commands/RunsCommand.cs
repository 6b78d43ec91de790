using System.CommandLine;
using C2C.Analytics.Cli.Operations.History;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c runs [--last N]</c>: the run history, newest first; <c>c2c runs show ID</c> (or <c>last</c>): one run with
/// its sources, step timings and reject reasons. Read-only.
/// </summary>
internal sealed class RunsCommand
{
    private readonly CliEnvironment _environment;
    private readonly HistoryOptions _list = new();
    private readonly HistoryOptions _show = new();

    private readonly Option<int> _last = new("--last")
    {
        Description = "How many runs to list, newest first. Default: 20.",
        HelpName = "N",
        DefaultValueFactory = _ => 20,
    };

    private readonly Argument<string> _runId = new("ID")
    {
        Description = "The run id (as c2c runs lists it), or 'last' for the newest run.",
    };

    public RunsCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("runs", "List the pipeline's runs, newest first: start, end, duration, status, as-of date, rows per source, rejects, error.")
        {
            _last,
        };
        _list.AddTo(Command);
        Command.SetAction(List);

        var show = new Command("show", "Show one run: its sources, step timings and reject reasons.") { _runId };
        _show.AddTo(show);
        show.SetAction(Show);
        Command.Subcommands.Add(show);
    }

    public Command Command { get; }

    private int List(ParseResult parseResult)
    {
        if (parseResult.GetValue(_last) < 1)
        {
            _environment.Error.WriteLine("error: --last must be at least 1.");
            return ExitCodes.Usage;
        }

        var (connection, lockHeld, exitCode) = _list.Open(parseResult, _environment);
        if (connection is null)
        {
            return exitCode;
        }

        using (connection)
        using (var command = RunHistory.Runs(connection, parseResult.GetValue(_last), lockHeld))
        using (var reader = command.ExecuteReader())
        {
            _list.Writer(parseResult, _environment).WriteRows(reader);
        }

        return ExitCodes.Success;
    }

    private int Show(ParseResult parseResult)
    {
        var (connection, lockHeld, exitCode) = _show.Open(parseResult, _environment);
        if (connection is null)
        {
            return exitCode;
        }

        using (connection)
        {
            var runId = parseResult.GetRequiredValue(_runId);
            runId = runId == "last" ? RunHistory.LastRunId(connection) ?? runId : runId;
            if (!RunHistory.Exists(connection, runId))
            {
                _environment.Error.WriteLine($"error: no run '{runId}' in this warehouse (c2c runs lists them).");
                return ExitCodes.Usage;
            }

            var output = _environment.Out;
            Section(parseResult, "Run", RunHistory.Run(connection, runId, lockHeld));
            Section(parseResult, "Sources (extracted = loaded + rejected)", RunHistory.Sources(connection, runId));
            Section(parseResult, "Steps", RunHistory.Steps(connection, runId));
            Section(parseResult, "Rejects by reason (records: c2c rejects --run " + runId + ")", RunHistory.RejectReasons(connection, runId));
            output.Flush();
        }

        return ExitCodes.Success;
    }

    private void Section(ParseResult parseResult, string title, DuckDbCommand command)
    {
        using (command)
        using (var reader = command.ExecuteReader())
        {
            if (parseResult.GetValue(_show.Format) == "table")
            {
                _environment.Out.WriteLine(title + ":");
            }

            _show.Writer(parseResult, _environment).WriteRows(reader);
        }
    }
}
