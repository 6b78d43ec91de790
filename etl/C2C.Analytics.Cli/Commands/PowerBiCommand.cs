using System.CommandLine;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline;
using C2C.Analytics.Pipeline.PowerBi;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c powerbi</c>: writes the table part of the Power BI semantic model (one TMDL file per warehouse table:
/// columns, types, formats, hidden keys, sort order, folders, descriptions, the partition's source) from the warehouse
/// the last run built. Measures, relationships, roles, parameters and the report are written by hand beside them.
/// </summary>
internal sealed class PowerBiCommand
{
    private readonly CliEnvironment _environment;

    private readonly Option<string?> _data = new("--data")
    {
        Description = "The data folder holding warehouse.duckdb. Default: $C2C_DATA, else ./data.",
        HelpName = "DIR",
    };

    private readonly Option<string> _out = new("--out")
    {
        Description = "The Power BI project folder to write the tables into. Default: powerbi (the repository's, from its root).",
        HelpName = "DIR",
        DefaultValueFactory = _ => "powerbi",
    };

    public PowerBiCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("powerbi", "Write the Power BI model's tables (TMDL) from the warehouse's catalog; run it after a warehouse model changes.")
        {
            _data, _out,
        };
        Command.SetAction((parseResult, _) => Task.Run(() => Run(parseResult), CancellationToken.None));
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult)
    {
        var configuration = AppConfiguration.Load(_environment);
        var pipeline = AppConfiguration.Bind<PipelineOptions>(configuration, PipelineOptions.SectionName);
        var dataDirectory = DataDirectory.Resolve(parseResult.GetValue(_data), _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
        var warehouse = WarehouseLocation.OfRun(pipeline.Warehouse, dataDirectory, _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
        if (!File.Exists(warehouse))
        {
            _environment.Error.WriteLine($"error: there is no warehouse at {warehouse}: run c2c run first (or pass --data).");
            return ExitCodes.Usage;
        }

        var output = Path.GetFullPath(parseResult.GetValue(_out) ?? "powerbi", _environment.CurrentDirectory);
        try
        {
            var request = new PowerBiRequest(output, MetricsDocument.Load(PowerBiGenerator.DefaultMetricsPath), ModelCatalog.Load(ModelCatalog.DefaultDirectory));
            var result = PowerBiGenerator.Generate(warehouse, request);
            var writer = _environment.Out;
            writer.WriteLine($"Power BI tables in {result.TablesDirectory}:");
            writer.WriteLine($"  {result.Written.Count} written{List(result.Written)}");
            writer.WriteLine($"  {result.Unchanged.Count} unchanged");
            writer.WriteLine($"  {result.Removed.Count} removed{List(result.Removed)}");
            foreach (var column in result.SkippedColumns)
            {
                writer.WriteLine($"  left out (Power BI cannot import the type): {column}");
            }

            return ExitCodes.Success;
        }
        catch (Exception e) when (e is PowerBiModelException or ModelCatalogException or IOException or UnauthorizedAccessException or DuckDbException)
        {
            _environment.Error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "" : ": " + string.Join(", ", names);
}
