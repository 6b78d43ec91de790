using System.Data;
using System.Data.Common;

namespace C2C.Analytics.DuckDb;

/// <summary>A DuckDB transaction: disposing it without <see cref="Commit"/> rolls it back.</summary>
public sealed class DuckDbTransaction : DbTransaction
{
    private readonly DuckDbConnection _connection;
    private bool _completed;

    internal DuckDbTransaction(DuckDbConnection connection)
    {
        _connection = connection;
        _connection.ExecuteInternal("BEGIN TRANSACTION");
    }

    public override IsolationLevel IsolationLevel => IsolationLevel.Snapshot;

    protected override DbConnection DbConnection => _connection;

    public override void Commit() => Complete("COMMIT");

    public override void Rollback() => Complete("ROLLBACK");

    internal void MarkCompleted() => _completed = true;

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_completed && _connection.State == ConnectionState.Open)
        {
            Rollback();
        }

        base.Dispose(disposing);
    }

    private void Complete(string sql)
    {
        if (_completed)
        {
            throw new InvalidOperationException("This transaction has already been committed or rolled back.");
        }

        _completed = true;
        _connection.ActiveTransaction = null;
        // A reader still streaming inside the transaction ends with it.
        _connection.ActiveReader?.Dispose();
        _connection.ExecuteInternal(sql);
    }
}
