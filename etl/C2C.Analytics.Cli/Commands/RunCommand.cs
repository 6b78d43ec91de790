using System.CommandLine;
using C2C.Analytics.Cli.Operations;
using C2C.Analytics.Cli.Operations.Logging;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c run</c>: the main job. Extract (the built-in sample when no live source is configured) → land → models →
/// export, all or nothing, then a summary with reconciliation. Exits 3 when the run committed with rejected records.
/// </summary>
internal sealed class RunCommand
{
    private readonly CliEnvironment _environment;

    private readonly Option<DateOnly?> _asOf = new("--as-of")
    {
        Description = "The date the run computes ages, SLAs and reminders for (yyyy-MM-dd). Default: today (UTC).",
        HelpName = "DATE",
    };

    private readonly Option<string?> _data = new("--data")
    {
        Description = "The data folder: landing files, the warehouse (warehouse.duckdb) and the Parquet export. Default: $C2C_DATA, else ./data.",
        HelpName = "DIR",
    };

    private readonly Option<bool> _fullRefresh = new("--full-refresh")
    {
        Description = "Extract everything again instead of incrementally (live sources).",
    };

    private readonly Option<string?> _landing = new("--landing")
    {
        Description = "Re-run the models on an earlier run's landing files (a landing run id) instead of extracting.",
        HelpName = "RUN_ID",
    };

    private readonly Option<string?> _trackerFile = new("--tracker-file")
    {
        Description = "Load the tracker from this CSV or XLSX export (first row: column titles) instead of Smartsheet.",
        HelpName = "PATH",
    };

    private readonly Option<string?> _target = PublishCommand.CreateTargetOption();
    private readonly Option<LogFormat> _logFormat = LogOptions.Format();

    public RunCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("run", "Run the pipeline: extract, land, build the warehouse and export Parquet, all or nothing.")
        {
            _asOf, _data, _fullRefresh, _landing, _trackerFile, _target, _logFormat,
        };
        Command.SetAction((parseResult, cancellationToken) => Task.Run(() => RunAsync(parseResult, cancellationToken), CancellationToken.None));
    }

    public Command Command { get; }

    /// <summary>The run itself is <see cref="RunLauncher"/>'s, shared with <c>c2c schedule</c>; this maps the options onto it.</summary>
    private Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var launch = new RunLaunch(
            parseResult.GetValue(_asOf),
            parseResult.GetValue(_data),
            parseResult.GetValue(_fullRefresh),
            parseResult.GetValue(_landing),
            parseResult.GetValue(_trackerFile))
        {
            Target = parseResult.GetValue(_target),
        };
        return LogOptions.Launcher(_environment, parseResult.GetValue(_logFormat)).RunAsync(launch, cancellationToken);
    }
}
