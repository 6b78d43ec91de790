using System.CommandLine;
using System.Globalization;
using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline;
using C2C.Analytics.Pipeline.Report;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Smartsheet;
using C2C.Analytics.Pipeline.Sources.TrackerFiles;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Models;
using Microsoft.Extensions.Configuration;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c run</c>: the main job. Extract (the built-in sample when no live source is configured) → land → models →
/// export, all or nothing, then a summary with reconciliation.
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

    public RunCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("run", "Run the pipeline: extract, land, build the warehouse and export Parquet, all or nothing.")
        {
            _asOf, _data, _fullRefresh, _landing, _trackerFile, _target,
        };
        Command.SetAction((parseResult, cancellationToken) => Task.Run(() => RunAsync(parseResult, cancellationToken), CancellationToken.None));
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var error = _environment.Error;
        try
        {
            var runner = CreateRunner(out var request, parseResult);
            runner.Progress += message => error.WriteLine($"{DateTime.UtcNow.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {message}");
            var summary = await runner.RunAsync(request, cancellationToken);
            RunSummaryPrinter.Print(summary, _environment.Out);
            var reported = ReportCommand.WriteAfterRun(_environment, summary, request.DataDirectory);
            var published = PublishCommand.PublishAfterRun(_environment, summary, parseResult.GetValue(_target), cancellationToken);
            return published != ExitCodes.Success ? published : reported;
        }
        catch (Exception e) when (e is TrackerConfigurationException or CalendarConfigurationException or HolidayFileException or ModelCatalogException
            or SmartsheetConfigurationException or ReportConfigurationException or FxRateFileException)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("Nothing was run; the warehouse and the export are unchanged.");
            return ExitCodes.Failure;
        }
        catch (PipelineRunException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine("The warehouse and the export are unchanged; the failure is recorded in etl_run.");
            return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Failure;
        }
    }

    private PipelineRunner CreateRunner(out RunRequest request, ParseResult parseResult)
    {
        var configuration = AppConfiguration.Load(_environment);
        var pipeline = AppConfiguration.Bind<PipelineOptions>(configuration, PipelineOptions.SectionName);
        var tracker = AppConfiguration.Bind<TrackerOptions>(configuration, TrackerOptions.SectionName);
        var smartsheet = AppConfiguration.Bind<SmartsheetOptions>(configuration, SmartsheetOptions.SectionName);
        if ((parseResult.GetValue(_trackerFile) ?? tracker.Export.Path) is { Length: > 0 } trackerFile)
        {
            tracker.Export.Path = Path.GetFullPath(trackerFile, _environment.CurrentDirectory);
        }

        var calendar = CalendarOptions.FromConfiguration(configuration);
        if (calendar.HolidayFile is { } holidayFile)
        {
            // A relative holiday file is relative to where c2c was started, like every other path it is given.
            calendar.HolidayFile = Path.GetFullPath(holidayFile, _environment.CurrentDirectory);
        }

        var dataDirectory = DataDirectory.Resolve(parseResult.GetValue(_data), _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
        if (pipeline.Warehouse is null && _environment.GetEnvironmentVariable(WarehouseLocation.EnvironmentVariable) is { Length: > 0 } warehouse)
        {
            // The same variable c2c sql reads, so both commands always name the same file.
            pipeline.Warehouse = Path.GetFullPath(warehouse, _environment.CurrentDirectory);
        }
        var asOf = parseResult.GetValue(_asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        request = new RunRequest(dataDirectory, asOf, parseResult.GetValue(_fullRefresh), parseResult.GetValue(_landing));
        return new PipelineRunner(pipeline, tracker, calendar, SourceExtractors.Create(pipeline, tracker, calendar, smartsheet),
            ModelCatalog.Load(ModelCatalog.DefaultDirectory), FunctionsDirectory)
        {
            ReportOptions = ReportCommand.Options(_environment),
        };
    }

    private static string FunctionsDirectory => Path.Combine(AppContext.BaseDirectory, "functions");
}
