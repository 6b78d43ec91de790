using System.CommandLine;
using C2C.Analytics.Cli.Operations.History;

namespace C2C.Analytics.Cli.Commands;

/// <summary><c>c2c rejects [--run ID]</c>: the records a run rejected, with the reason and the raw record. Read-only.</summary>
internal sealed class RejectsCommand
{
    private readonly CliEnvironment _environment;
    private readonly HistoryOptions _options = new();

    private readonly Option<string?> _run = new("--run")
    {
        Description = "The run whose rejects to list. Default: the newest run.",
        HelpName = "ID",
    };

    private readonly Option<int> _limit = new("--limit")
    {
        Description = "At most this many records. Default: 1000.",
        HelpName = "N",
        DefaultValueFactory = _ => 1000,
    };

    public RejectsCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("rejects", "List the records a run rejected: source, file, row, key, field, reason, detail and the raw record.")
        {
            _run, _limit,
        };
        _options.AddTo(Command);
        Command.SetAction(Run);
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult)
    {
        var (connection, _, exitCode) = _options.Open(parseResult, _environment);
        if (connection is null)
        {
            return exitCode;
        }

        using (connection)
        {
            var runId = parseResult.GetValue(_run) ?? RunHistory.LastRunId(connection);
            if (runId is null || !RunHistory.Exists(connection, runId))
            {
                _environment.Error.WriteLine(runId is null ? "error: no run has been recorded yet." : $"error: no run '{runId}' in this warehouse (c2c runs lists them).");
                return ExitCodes.Usage;
            }

            var table = parseResult.GetValue(_options.Format) == "table";
            using var command = RunHistory.Rejects(connection, runId, Math.Max(parseResult.GetValue(_limit), 1), table ? 100 : null);
            using var reader = command.ExecuteReader();
            if (table)
            {
                _environment.Out.WriteLine($"Rejects of run {runId}:");
            }

            _options.Writer(parseResult, _environment).WriteRows(reader);
        }

        return ExitCodes.Success;
    }
}
