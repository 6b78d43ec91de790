using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb;

/// <summary>
/// SQL text of one or more statements. Each statement is prepared and executed in turn (a later statement may use
/// a table an earlier one created); parameters bind to every statement that names them. A reader streams the last
/// statement's result.
/// </summary>
public sealed unsafe class DuckDbCommand : DbCommand
{
    private DuckDbConnection? _connection;
    private string _commandText = string.Empty;

    public DuckDbCommand() { }

    public DuckDbCommand(string commandText, DuckDbConnection? connection = null)
    {
        _commandText = commandText;
        _connection = connection;
    }

    [AllowNull]
    public override string CommandText
    {
        get => _commandText;
        set => _commandText = value ?? string.Empty;
    }

    /// <summary>Seconds before the query is interrupted; 0 (the default) waits for ever, as a nightly load needs.</summary>
    public override int CommandTimeout { get; set; }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new NotSupportedException("DuckDB runs SQL text only (no stored procedures or table-direct commands).");
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    public new DuckDbConnection? Connection
    {
        get => _connection;
        set => _connection = value;
    }

    public new DuckDbParameterCollection Parameters { get; } = new();

    public new DuckDbTransaction? Transaction { get; set; }

    protected override DbConnection? DbConnection
    {
        get => _connection;
        set => _connection = value as DuckDbConnection
            ?? (value is null ? null : throw new ArgumentException("A DuckDbCommand needs a DuckDbConnection.", nameof(value)));
    }

    protected override DbParameterCollection DbParameterCollection => Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => Transaction;
        set => Transaction = (DuckDbTransaction?)value;
    }

    public override void Cancel() => _connection?.Interrupt();

    public override void Prepare()
    {
        // Statements are prepared at execution, one after the other: nothing to do ahead of time.
    }

    public new DuckDbParameter CreateParameter() => new();

    public override int ExecuteNonQuery()
    {
        var connection = OpenConnection();
        using var timeout = StartTimeout(connection);
        var changed = -1;
        foreach (var (result, _) in Execute(connection, streamLast: false))
        {
            using (result)
            {
                changed = AddChanged(changed, result);
            }
        }

        return changed;
    }

    public override object? ExecuteScalar()
    {
        using var reader = ExecuteReader();
        return reader.Read() ? reader.GetValue(0) : null;
    }

    public new DuckDbDataReader ExecuteReader() => (DuckDbDataReader)ExecuteDbDataReader(CommandBehavior.Default);

    public new DuckDbDataReader ExecuteReader(CommandBehavior behavior) => (DuckDbDataReader)ExecuteDbDataReader(behavior);

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(Cancel);
        return Task.FromResult(ExecuteNonQuery());
    }

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(Cancel);
        return Task.FromResult(ExecuteScalar());
    }

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(Cancel);
        return Task.FromResult(ExecuteDbDataReader(behavior));
    }

    protected override DbParameter CreateDbParameter() => CreateParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior)
    {
        var connection = OpenConnection();
        using var timeout = StartTimeout(connection);
        var changed = -1;
        ResultHandle? last = null;
        foreach (var (result, isLast) in Execute(connection, streamLast: true))
        {
            if (isLast)
            {
                last = result;
                break;
            }

            using (result)
            {
                changed = AddChanged(changed, result);
            }
        }

        if (last is null)
        {
            throw new DuckDbException("The command text holds no SQL statement.", DuckDbErrorType.InvalidInput);
        }

        try
        {
            if (NativeMethods.duckdb_result_return_type(*last.Pointer) == DuckDbResultType.ChangedRows)
            {
                changed = AddChanged(changed, last);
            }

            var reader = new DuckDbDataReader(connection, last, changed, behavior);
            connection.ActiveReader = reader;
            return reader;
        }
        catch
        {
            last.Dispose();
            throw;
        }
    }

    private static int AddChanged(int changed, ResultHandle result)
    {
        if (NativeMethods.duckdb_result_return_type(*result.Pointer) != DuckDbResultType.ChangedRows)
        {
            return changed;
        }

        var rows = (int)NativeMethods.duckdb_rows_changed(result.Pointer);
        return changed < 0 ? rows : changed + rows;
    }

    private DuckDbConnection OpenConnection()
    {
        var connection = _connection ?? throw new InvalidOperationException("The command has no connection.");
        connection.EnsureIdle();
        if (string.IsNullOrWhiteSpace(_commandText))
        {
            throw new InvalidOperationException("The command has no SQL text.");
        }

        return connection;
    }

    /// <summary>Extracts the statements and runs them one by one, yielding each result (the caller disposes it).</summary>
    private IEnumerable<(ResultHandle Result, bool IsLast)> Execute(DuckDbConnection connection, bool streamLast)
    {
        var native = connection.NativeHandle;
        var count = (int)NativeMethods.duckdb_extract_statements(native, _commandText, out var statements);
        using (statements)
        {
            if (count == 0)
            {
                var error = NativeMethods.duckdb_extract_statements_error(statements).Read();
                if (error is not null)
                {
                    throw new DuckDbException(error);
                }

                yield break;
            }

            for (var i = 0; i < count; i++)
            {
                var isLast = i == count - 1;
                yield return (Run(native, statements, i, streamLast && isLast), isLast);
            }
        }
    }

    private ResultHandle Run(ConnectionHandle native, ExtractedStatementsHandle statements, int index, bool stream)
    {
        NativeMethods.duckdb_prepare_extracted_statement(native, statements, (ulong)index, out var prepared);
        using (prepared)
        {
            var prepareError = NativeMethods.duckdb_prepare_error(prepared).Read();
            if (prepareError is not null)
            {
                throw new DuckDbException(prepareError);
            }

            ParameterBinder.Bind(prepared, Parameters);
            var result = new ResultHandle();
            try
            {
                // Streaming or not, the query is started as a pending result that this thread helps to run.
                PendingResultHandle pending;
                var started = stream
                    ? NativeMethods.duckdb_pending_prepared_streaming(prepared, out pending)
                    : NativeMethods.duckdb_pending_prepared(prepared, out pending);
                using (pending)
                {
                    if (started != DuckDbState.Success)
                    {
                        throw new DuckDbException(NativeMethods.duckdb_pending_error(pending).Read() ?? "DuckDB could not start the query.");
                    }

                    RunTasks(pending);
                    if (NativeMethods.duckdb_execute_pending(pending, result.Pointer) != DuckDbState.Success)
                    {
                        throw ResultError(result);
                    }
                }

                return result;
            }
            catch
            {
                result.Dispose();
                throw;
            }
        }
    }

    /// <summary>
    /// Works on the query until its result is ready or it failed. DuckDB's own wait (<c>duckdb_execute_prepared</c>) has
    /// the calling thread poll the task queue without pause whenever the worker threads hold every task of a pipeline
    /// (a single-threaded one, or its last tasks): on a two-core machine that is a whole core spent polling, taken from
    /// the workers and from everything else running there. Here the calling thread runs tasks while there are any and
    /// otherwise backs off — spins, yields, then sleeps a millisecond at a time — until there are again.
    /// </summary>
    /// <exception cref="DuckDbException">The query failed (DuckDB's message; its prefix names the error class).</exception>
    private static void RunTasks(PendingResultHandle pending)
    {
        var idle = default(SpinWait);
        while (true)
        {
            switch (NativeMethods.duckdb_pending_execute_task(pending))
            {
                case DuckDbPendingState.ResultReady:
                    return;
                case DuckDbPendingState.Error:
                    // The pending result is closed now: executing it would report that, not the query's own error.
                    throw new DuckDbException(NativeMethods.duckdb_pending_error(pending).Read() ?? "DuckDB reported an error without a message.");
                case DuckDbPendingState.NoTasksAvailable:
                    idle.SpinOnce(sleep1Threshold: 20);
                    break;
                default:
                    idle.Reset();
                    break;
            }
        }
    }

    private static DuckDbException ResultError(ResultHandle result) => new(
        NativeMethods.duckdb_result_error(result.Pointer).Read() ?? "DuckDB reported an error without a message.",
        NativeMethods.duckdb_result_error_type(result.Pointer));

    private IDisposable? StartTimeout(DuckDbConnection connection) =>
        CommandTimeout > 0
            ? new Timer(_ => connection.Interrupt(), null, TimeSpan.FromSeconds(CommandTimeout), Timeout.InfiniteTimeSpan)
            : null;
}
