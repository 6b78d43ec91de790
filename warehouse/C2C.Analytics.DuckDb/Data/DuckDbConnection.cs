using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb;

/// <summary>A connection to a DuckDB database file or an in-memory database.</summary>
public sealed class DuckDbConnection : DbConnection
{
    private string _connectionString = string.Empty;
    private DuckDbConnectionStringBuilder _settings = new();
    private DatabaseHandle? _database;
    private ConnectionHandle? _native;
    private ConnectionState _state = ConnectionState.Closed;

    public DuckDbConnection() { }

    public DuckDbConnection(string connectionString) => ConnectionString = connectionString;

    /// <summary>The version of the loaded DuckDB library, e.g. <c>v1.5.6</c>.</summary>
    public static string LibraryVersion => NativeMethods.duckdb_library_version().Read() ?? "unknown";

    [AllowNull]
    public override string ConnectionString
    {
        get => _connectionString;
        set
        {
            if (_state != ConnectionState.Closed)
            {
                throw new InvalidOperationException("The connection string cannot change while the connection is open.");
            }

            _connectionString = value ?? string.Empty;
            _settings = new DuckDbConnectionStringBuilder(_connectionString);
        }
    }

    public override string Database => _settings.DataSource;

    public override string DataSource => _settings.DataSource;

    public override string ServerVersion => LibraryVersion;

    public override ConnectionState State => _state;

    /// <summary>The reader currently streaming on this connection: DuckDB allows one at a time.</summary>
    internal DuckDbDataReader? ActiveReader { get; set; }

    internal DuckDbTransaction? ActiveTransaction { get; set; }

    internal ConnectionHandle NativeHandle =>
        _native ?? throw new InvalidOperationException("The connection is not open.");

    public override void Open()
    {
        if (_state == ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection is already open.");
        }

        var database = DatabaseRegistry.Open(_settings);
        if (NativeMethods.duckdb_connect(database, out var native) != DuckDbState.Success)
        {
            native.Dispose();
            database.Dispose();
            throw new DuckDbException($"Cannot connect to DuckDB database '{DataSource}'.", DuckDbErrorType.Connection);
        }

        _database = database;
        _native = native;
        _state = ConnectionState.Open;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Closed, ConnectionState.Open));
    }

    public override void Close()
    {
        if (_state == ConnectionState.Closed)
        {
            return;
        }

        ActiveReader?.Dispose();
        ActiveReader = null;
        // Disconnecting rolls back an open transaction inside DuckDB; the managed object only needs to know.
        ActiveTransaction?.MarkCompleted();
        ActiveTransaction = null;
        _native?.Dispose();
        _native = null;
        _database?.Dispose();
        _database = null;
        _state = ConnectionState.Closed;
        OnStateChange(new StateChangeEventArgs(ConnectionState.Open, ConnectionState.Closed));
    }

    /// <summary>Asks DuckDB to stop the query running on this connection (from any thread).</summary>
    public void Interrupt()
    {
        var native = _native;
        if (native is { IsClosed: false })
        {
            NativeMethods.duckdb_interrupt(native);
        }
    }

    public new DuckDbCommand CreateCommand() => new() { Connection = this };

    public new DuckDbTransaction BeginTransaction() => (DuckDbTransaction)BeginDbTransaction(IsolationLevel.Unspecified);

    /// <summary>A bulk appender into <paramref name="table"/> (optionally <c>schema.table</c> via <paramref name="schema"/>).</summary>
    public DuckDbAppender CreateAppender(string table) => CreateAppender(null, table);

    public DuckDbAppender CreateAppender(string? schema, string table)
    {
        EnsureIdle();
        return new DuckDbAppender(this, schema, table);
    }

    public override void ChangeDatabase(string databaseName) =>
        throw new NotSupportedException("DuckDB connections are bound to one database; open a new connection, or ATTACH the other file.");

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel)
    {
        EnsureIdle();
        if (ActiveTransaction is not null)
        {
            throw new InvalidOperationException("A transaction is already active on this connection; DuckDB does not nest transactions.");
        }

        if (isolationLevel is not (IsolationLevel.Unspecified or IsolationLevel.Snapshot or IsolationLevel.Serializable))
        {
            throw new NotSupportedException($"DuckDB runs every transaction under snapshot isolation; {isolationLevel} is not available.");
        }

        ActiveTransaction = new DuckDbTransaction(this);
        return ActiveTransaction;
    }

    protected override DbCommand CreateDbCommand() => CreateCommand();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Close();
        }

        base.Dispose(disposing);
    }

    /// <summary>Runs SQL that returns no rows; used by transactions.</summary>
    internal void ExecuteInternal(string sql)
    {
        using var command = CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    internal void EnsureIdle()
    {
        if (_state != ConnectionState.Open)
        {
            throw new InvalidOperationException("The connection is not open.");
        }

        if (ActiveReader is not null)
        {
            throw new InvalidOperationException(
                "A data reader is still open on this connection; DuckDB streams one result at a time. Dispose the reader first.");
        }
    }
}
