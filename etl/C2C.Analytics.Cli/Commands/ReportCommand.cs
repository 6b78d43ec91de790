using System.CommandLine;
using System.Globalization;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline;
using C2C.Analytics.Pipeline.Report;
using C2C.Analytics.Pipeline.Run;
using Microsoft.Extensions.Configuration;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c report</c>: the executive dashboard (one self-contained HTML file) and, with <c>--owners</c>, one task list per
/// owner (HTML and CSV), from the marts of the warehouse the last run built. Also <see cref="WriteAfterRun"/>, which
/// <c>c2c run</c> calls once a run has succeeded.
/// </summary>
internal sealed class ReportCommand
{
    private readonly CliEnvironment _environment;

    private readonly Option<string?> _out = new("--out")
    {
        Description = "The folder to write dashboard.html (and owners/) into. Default: Report:OutputDirectory, else <data>/report.",
        HelpName = "DIR",
    };

    private readonly Option<DateOnly?> _asOf = new("--as-of")
    {
        Description = "The date the report must be as of (yyyy-MM-dd); fails when the warehouse was built for another date. Default: the last run's.",
        HelpName = "DATE",
    };

    private readonly Option<bool> _owners = new("--owners")
    {
        Description = "Also write one task list per owner (HTML and CSV, most urgent first) into <out>/owners/.",
    };

    private readonly Option<string?> _data = new("--data")
    {
        Description = "The data folder holding warehouse.duckdb. Default: $C2C_DATA, else ./data.",
        HelpName = "DIR",
    };

    public ReportCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("report", "Write the executive dashboard (HTML) and, with --owners, the owner task lists (HTML and CSV).")
        {
            _out, _asOf, _owners, _data,
        };
        Command.SetAction((parseResult, _) => Task.Run(() => Run(parseResult), CancellationToken.None));
    }

    public Command Command { get; }

    /// <summary>Writes the dashboard after a successful run and prints its path; 0, or 1 when it could not be written.</summary>
    public static int WriteAfterRun(CliEnvironment environment, RunSummary summary, string dataDirectory)
    {
        try
        {
            var options = Options(environment);
            var result = ReportGenerator.Generate(summary.WarehousePath, new ReportRequest(OutputDirectory(environment, options, null, dataDirectory), QueueRows: options.QueueRows));
            environment.Out.WriteLine();
            environment.Out.WriteLine($"Dashboard: {Path.GetFullPath(result.DashboardPath)}");
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DuckDbException or ReportException)
        {
            environment.Error.WriteLine($"error: the run succeeded, but the dashboard could not be written: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private int Run(ParseResult parseResult)
    {
        try
        {
            var options = Options(_environment);
            var configuration = AppConfiguration.Load(_environment);
            var pipeline = AppConfiguration.Bind<PipelineOptions>(configuration, PipelineOptions.SectionName);
            var dataDirectory = DataDirectory.Resolve(parseResult.GetValue(_data), _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
            var warehouse = WarehouseLocation.OfRun(pipeline.Warehouse, dataDirectory, _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
            var request = new ReportRequest(OutputDirectory(_environment, options, parseResult.GetValue(_out), dataDirectory),
                parseResult.GetValue(_asOf), parseResult.GetValue(_owners), options.QueueRows);
            var result = ReportGenerator.Generate(warehouse, request);
            var output = _environment.Out;
            output.WriteLine(result.HasData
                ? string.Create(CultureInfo.InvariantCulture, $"Dashboard as of {result.AsOf:yyyy-MM-dd}: {Path.GetFullPath(result.DashboardPath)} ({result.DashboardBytes / 1024.0:0.#} KB)")
                : $"Dashboard (no data yet: run c2c run first): {Path.GetFullPath(result.DashboardPath)}");
            if (result.OwnersDirectory is { } owners)
            {
                output.WriteLine($"Owner task lists: {result.OwnerLists.Count} owners, {result.OwnerLists.Sum(o => o.ActionCount)} actions in {Path.GetFullPath(owners)} (index.html, index.csv)");
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is ReportException or IOException or UnauthorizedAccessException or DuckDbException)
        {
            _environment.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>The <c>Report</c> section, with a relative rates file made absolute against the current directory.</summary>
    public static ReportOptions Options(CliEnvironment environment)
    {
        var options = AppConfiguration.Bind<ReportOptions>(AppConfiguration.Load(environment), ReportOptions.SectionName);
        if (options.RatesFile is { Length: > 0 } rates)
        {
            options.RatesFile = Path.GetFullPath(rates, environment.CurrentDirectory);
        }

        return options;
    }

    private static string OutputDirectory(CliEnvironment environment, ReportOptions options, string? option, string dataDirectory) =>
        Path.GetFullPath(option ?? options.OutputDirectory ?? Path.Combine(dataDirectory, "report"), environment.CurrentDirectory);
}
