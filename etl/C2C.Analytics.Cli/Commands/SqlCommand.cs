using System.CommandLine;
using C2C.Analytics.Cli.Output;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Commands;

/// <summary><c>c2c sql "&lt;query&gt;" [--db PATH] [--format table|csv|json] [--write]</c>: runs SQL and prints the result.</summary>
internal sealed class SqlCommand
{
    private readonly CliEnvironment _environment;

    private readonly Argument<string> _query = new("query")
    {
        Description = "The SQL to run. Several statements separated by ';' are allowed; the last one's result is printed.",
    };

    private readonly Option<string?> _database = new("--db")
    {
        Description =
            $"The DuckDB database file, or {WarehouseLocation.InMemory} for an empty in-memory database. Default: " +
            $"${WarehouseLocation.EnvironmentVariable} if set, else {WarehouseLocation.FileName} in the data folder ($C2C_DATA, " +
            "else data under the current directory), where c2c run builds it. A file that does not exist is an error (sql never creates one), except the default location: " +
            "until the pipeline has built the warehouse there, queries run against an empty in-memory database.",
        HelpName = "PATH",
    };

    private readonly Option<string?> _format = new("--format")
    {
        Description =
            "How to print the result: table (readable; at most 10,000 rows are shown), csv (RFC 4180 quoting, header " +
            "line, NULL as an empty field, \"\" for an empty string) or json (JSON lines: one object per row). " +
            "Default: table, also when the output is redirected; scripts ask for csv or json.",
        HelpName = "table|csv|json",
    };

    private readonly Option<bool> _write = new("--write")
    {
        Description = "Open the database read-write. Without it the database is opened read-only and a write fails with DuckDB's error.",
    };

    public SqlCommand(CliEnvironment environment)
    {
        _environment = environment;
        _format.AcceptOnlyFromAmong("table", "csv", "json");
        Command = new Command("sql", "Run SQL against the warehouse and print the result.") { _query, _database, _format, _write };
        // The query runs off the invoking thread so that System.CommandLine's Ctrl+C/SIGTERM handling is in place
        // while it runs: the token then interrupts DuckDB.
        Command.SetAction((parseResult, cancellationToken) =>
            Task.Run(() => Run(parseResult, cancellationToken), CancellationToken.None));
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var query = parseResult.GetRequiredValue(_query);
        var write = parseResult.GetValue(_write);
        var format = parseResult.GetValue(_format) switch
        {
            "table" => OutputFormat.Table,
            "csv" => OutputFormat.Csv,
            "json" => OutputFormat.Json,
            _ => OutputFormat.Table,
        };

        var location = WarehouseLocation.Resolve(parseResult.GetValue(_database), _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
        var error = _environment.Error;
        if (!location.Exists)
        {
            if (location.IsExplicit || write)
            {
                error.WriteLine(
                    $"error: no database file at {location.Path} (from {location.Origin}). c2c sql opens an existing " +
                    $"database and never creates one; check the path, or use --db {WarehouseLocation.InMemory}.");
                return ExitCodes.Usage;
            }

            error.WriteLine(
                $"note: no warehouse exists yet at {location.Path}; running against an empty in-memory database " +
                $"(set ${WarehouseLocation.EnvironmentVariable} or --db to use another file).");
            location = location with { Path = WarehouseLocation.InMemory };
        }

        var writer = ResultWriters.Create(format, _environment);
        try
        {
            using var connection = new DuckDbConnection(ConnectionString(location, write));
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var interrupt = cancellationToken.Register(command.Cancel);
            // DuckDB forgets an interrupt that comes before the query starts.
            cancellationToken.ThrowIfCancellationRequested();
            using var reader = command.ExecuteReader();
            if (ResultShape.IsStatus(reader))
            {
                writer.WriteStatus(reader.RecordsAffected);
            }
            else
            {
                writer.WriteRows(reader);
            }

            return ExitCodes.Success;
        }
        catch (Exception exception) when ((exception is DuckDbException or OperationCanceledException) && cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("error: interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception exception) when (IsExpected(exception))
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Errors a user can cause and fix: DuckDB's own (syntax, binder, read-only, lock, …), a value the provider
    /// cannot read (a LIST column, an infinite date: its message says which column and how to cast it), and a
    /// DuckDB library that cannot be loaded (its message says what was tried).
    /// </summary>
    private static bool IsExpected(Exception exception) =>
        exception is DuckDbException or NotSupportedException or InvalidCastException or DllNotFoundException;

    private static string ConnectionString(WarehouseLocation location, bool write)
    {
        var builder = new DuckDbConnectionStringBuilder { DataSource = location.Path };
        // Read-only unless --write; DuckDB cannot open an in-memory database read-only (a new one is empty anyway).
        if (!location.IsInMemory && !write)
        {
            builder.ReadOnly = true;
        }

        return builder.ConnectionString;
    }
}
