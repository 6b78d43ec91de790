using C2C.Analytics.SqlServer.Schema;
using Dapper;
using Microsoft.Data.SqlClient;

namespace C2C.Analytics.SqlServer.Target;

public sealed partial class SqlServerTarget
{
    /// <summary>The switch: one SQL Server transaction; disposed without <see cref="CommitAsync"/>, it rolls back.</summary>
    private sealed class Switch(SqlServerTarget target, SqlConnection connection, SqlTransaction transaction) : ISwitchTransaction
    {
        private bool _done;

        public Task ReplaceAsync(TargetTable table, CancellationToken cancellationToken) =>
            connection.ExecuteAsync(Command(TSql.Replace(target._schema, target._staging, table.Name), null, cancellationToken));

        public Task MergeWindowAsync(TargetTable table, DateTime from, CancellationToken cancellationToken)
        {
            // DATETIME2, not Dapper's default DATETIME (whose 3.33 ms steps could move the window's edge).
            var parameters = new DynamicParameters();
            parameters.Add("from", from, System.Data.DbType.DateTime2);
            return connection.ExecuteAsync(Command(TSql.MergeWindow(target._schema, target._staging, table), parameters, cancellationToken));
        }

        public Task<long> CountAsync(string table, CancellationToken cancellationToken) =>
            connection.ExecuteScalarAsync<long>(Command(TSql.CountRows(target._schema, table), null, cancellationToken));

        public async Task<int> RecordSchemaChangesAsync(string runId, IReadOnlyList<SchemaChange> changes, CancellationToken cancellationToken)
        {
            var version = await connection.ExecuteScalarAsync<int>(Command(TSql.CurrentSchemaVersion(target._schema), null, cancellationToken)).ConfigureAwait(false);
            if (changes.Count == 0)
            {
                return version;
            }

            version++;
            var rows = changes.Select(c => new { Version = version, RunId = runId, TableName = c.Table, Change = Truncate(c.Description, 4000) }).ToList();
            await connection.ExecuteAsync(Command(TSql.InsertSchemaChange(target._schema), rows, cancellationToken)).ConfigureAwait(false);
            return version;
        }

        public Task RecordPublishAsync(PublishRecord record, CancellationToken cancellationToken) =>
            connection.ExecuteAsync(Command(TSql.InsertPublish(target._schema), record, cancellationToken));

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _done = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_done && connection.State == System.Data.ConnectionState.Open)
            {
                try
                {
                    await transaction.RollbackAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is InvalidOperationException or SqlException)
                {
                    // The server already rolled it back (a failed statement or a dropped connection); the first error is the one to report.
                }
            }

            await transaction.DisposeAsync().ConfigureAwait(false);
        }

        private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken) =>
            target.Command(sql, parameters, cancellationToken, transaction);

        private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
    }
}
