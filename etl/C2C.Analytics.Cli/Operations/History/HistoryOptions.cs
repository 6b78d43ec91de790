using System.CommandLine;
using C2C.Analytics.Cli.Output;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Operations.History;

/// <summary>
/// What <c>c2c runs</c> and <c>c2c rejects</c> share: where the warehouse is (<c>--db</c>, else the file <c>c2c run</c>
/// builds: Pipeline:Warehouse, <c>C2C_WAREHOUSE</c>, <c>&lt;data&gt;/warehouse.duckdb</c>), how to print, and opening it
/// read-only, with a clear word when it does not exist yet or a run holds it.
/// </summary>
internal sealed class HistoryOptions
{
    public Option<string?> Database { get; } = new("--db")
    {
        Description = "The warehouse file. Default: the one c2c run builds (Pipeline:Warehouse, $C2C_WAREHOUSE, else <data>/warehouse.duckdb).",
        HelpName = "PATH",
    };

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "The data folder holding warehouse.duckdb. Default: $C2C_DATA, else ./data.",
        HelpName = "DIR",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "table (default), csv or json (JSON lines).",
        HelpName = "table|csv|json",
        DefaultValueFactory = _ => "table",
    };

    public HistoryOptions()
    {
        Format.AcceptOnlyFromAmong("table", "csv", "json");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Database);
        command.Options.Add(Data);
        command.Options.Add(Format);
    }

    public IResultWriter Writer(ParseResult parseResult, CliEnvironment environment) => ResultWriters.Create(parseResult.GetValue(Format) switch
    {
        "csv" => OutputFormat.Csv,
        "json" => OutputFormat.Json,
        _ => OutputFormat.Table,
    }, environment);

    /// <summary>Opens the warehouse read-only; on failure prints why and returns the exit code instead.</summary>
    public (DuckDbConnection? Connection, bool LockHeld, int ExitCode) Open(ParseResult parseResult, CliEnvironment environment)
    {
        string warehouse;
        try
        {
            warehouse = parseResult.GetValue(Database) is { Length: > 0 } db
                ? Path.GetFullPath(db, environment.CurrentDirectory)
                : PipelineSettings.Load(environment).WarehousePath(PipelineSettings.DataDirectory(environment, parseResult.GetValue(Data)));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            environment.Error.WriteLine($"error: {e.Message}{(e.InnerException is { } inner ? " " + inner.Message : string.Empty)}");
            return (null, false, ExitCodes.ConfigurationError);
        }

        if (!File.Exists(warehouse))
        {
            environment.Error.WriteLine($"error: no warehouse at {warehouse}: nothing has run there yet (c2c run builds it), or --db/--data name another place.");
            return (null, false, ExitCodes.Usage);
        }

        var holder = WarehouseLock.CurrentHolder(warehouse);
        try
        {
            return (RunHistory.OpenReadOnly(warehouse), holder is not null, ExitCodes.Success);
        }
        catch (DuckDbException e) when (holder is not null)
        {
            // DuckDB lets nobody read a file another process is writing.
            environment.Error.WriteLine($"error: the warehouse {warehouse} is in use by {holder}; its history can be read when that run has finished. ({e.Message})");
            return (null, true, ExitCodes.LockHeld);
        }
        catch (DuckDbException e)
        {
            environment.Error.WriteLine($"error: {e.Message}");
            return (null, false, ExitCodes.Failure);
        }
    }
}
