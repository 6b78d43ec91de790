using System.Data.Common;
using C2C.Analytics.SqlServer.Load;
using C2C.Analytics.SqlServer.Schema;
using Dapper;
using Microsoft.Data.SqlClient;

namespace C2C.Analytics.SqlServer.Target;

/// <summary>The publisher's steps on a real SQL Server: SqlClient for the connection and bulk copy, Dapper for every query.</summary>
public sealed partial class SqlServerTarget : IPublishTarget
{
    private readonly SqlConnectionStringBuilder _connectionString;
    private readonly SqlServerPublishOptions _options;
    private readonly string _schema;
    private readonly string _staging;
    private SqlConnection? _connection;

    public SqlServerTarget(SqlServerPublishOptions options)
    {
        _options = options;
        _schema = options.Schema;
        _staging = options.EffectiveStagingSchema;
        _connectionString = SqlServerConnectionString.Build(options.ConnectionString);
        Description = SqlServerConnectionString.Describe(_connectionString);
    }

    public string Description { get; }

    private int? CommandTimeout => _options.CommandTimeoutSeconds;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is { State: System.Data.ConnectionState.Open })
        {
            return;
        }

        await ResetAsync().ConfigureAwait(false);
        var connection = new SqlConnection(_connectionString.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var granted = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                TSql.AcquirePublishLock, new { resource = "c2c-publish:" + _schema }, commandTimeout: CommandTimeout, cancellationToken: cancellationToken)).ConfigureAwait(false);
            if (granted < 0)
            {
                throw new PublishException($"Another publish to schema {_schema} on {Description} is running; nothing was published. Try again when it has finished.");
            }
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _connection = connection;
    }

    public async Task ResetAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
            _connection = null;
        }
    }

    public async Task EnsureSchemasAsync(CancellationToken cancellationToken)
    {
        var connection = await Connection(cancellationToken).ConfigureAwait(false);
        foreach (var schema in new[] { _schema, _staging })
        {
            await connection.ExecuteAsync(Command(TSql.EnsureSchema, new { schema }, cancellationToken)).ConfigureAwait(false);
        }

        await connection.ExecuteAsync(Command(TSql.EnsureMetadataTables(_schema), new
        {
            publishTable = Identifiers.SqlServer(_schema, TSql.PublishTable),
            versionTable = Identifiers.SqlServer(_schema, TSql.SchemaVersionTable),
        }, cancellationToken)).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ExistingColumn>>> ReadTablesAsync(CancellationToken cancellationToken)
    {
        var connection = await Connection(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<ColumnRow>(Command(TSql.ReadColumns, new { schema = _schema }, cancellationToken)).ConfigureAwait(false);
        return rows.GroupBy(r => r.TableName, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => (IReadOnlyList<ExistingColumn>)g.Select(r => new ExistingColumn(r.ColumnName, SqlServerType.FromCatalog(r.TypeName, r.MaxLength, r.Precision, r.Scale), r.IsNullable)).ToList(),
            StringComparer.OrdinalIgnoreCase);
    }

    public async Task<IReadOnlyList<DateCount>> ReadDateCountsAsync(TargetTable table, CancellationToken cancellationToken)
    {
        var connection = await Connection(cancellationToken).ConfigureAwait(false);
        var sql = TSql.DateCounts(_schema, table.Name, table.SnapshotDateColumn!);
        return (await connection.QueryAsync<DateCount>(Command(sql, null, cancellationToken)).ConfigureAwait(false)).ToList();
    }

    public async Task<long> LoadStagingAsync(TargetTable table, bool window, DbDataReader rows, Action<long>? progress, CancellationToken cancellationToken)
    {
        var connection = await Connection(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(Command(TSql.CreateTable(_staging, table), null, cancellationToken)).ConfigureAwait(false);
        using (var bulkCopy = new SqlBulkCopy(connection, SqlBulkCopyOptions.TableLock | SqlBulkCopyOptions.KeepNulls, externalTransaction: null)
        {
            DestinationTableName = Identifiers.SqlServer(_staging, table.Name),
            BatchSize = _options.BatchSize,
            BulkCopyTimeout = _options.BulkCopyTimeoutSeconds,
            EnableStreaming = false,
            NotifyAfter = _options.BatchSize,
        })
        {
            // The staging table has the query's columns in the query's order.
            for (var i = 0; i < table.Columns.Count; i++)
            {
                bulkCopy.ColumnMappings.Add(new SqlBulkCopyColumnMapping(i, i));
            }

            if (progress is not null)
            {
                bulkCopy.SqlRowsCopied += (_, e) => progress(e.RowsCopied);
            }

            await bulkCopy.WriteToServerAsync(rows, cancellationToken).ConfigureAwait(false);
        }

        // A window is merged into the published table, which has its indexes already.
        if (!window && TSql.CreateIndexes(_staging, table) is { } indexes)
        {
            await connection.ExecuteAsync(Command(indexes, null, cancellationToken)).ConfigureAwait(false);
        }

        return await connection.ExecuteScalarAsync<long>(Command(TSql.CountRows(_staging, table.Name), null, cancellationToken)).ConfigureAwait(false);
    }

    public async Task DropStagingAsync(IEnumerable<string> tables, CancellationToken cancellationToken)
    {
        var connection = await Connection(cancellationToken).ConfigureAwait(false);
        foreach (var table in tables)
        {
            await connection.ExecuteAsync(Command(TSql.DropTable(_staging, table), null, cancellationToken)).ConfigureAwait(false);
        }
    }

    public async Task<bool> IsPublishedAsync(Guid publishId, CancellationToken cancellationToken)
    {
        var connection = await Connection(cancellationToken).ConfigureAwait(false);
        return await connection.ExecuteScalarAsync<int>(Command(TSql.IsPublished(_schema), new { publishId }, cancellationToken)).ConfigureAwait(false) > 0;
    }

    public async Task<ISwitchTransaction> BeginSwitchAsync(CancellationToken cancellationToken)
    {
        var connection = await Connection(cancellationToken).ConfigureAwait(false);
        var transaction = (SqlTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        return new Switch(this, connection, transaction);
    }

    public async Task RecordFailureAsync(PublishRecord record, CancellationToken cancellationToken)
    {
        var connection = await Connection(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(Command(TSql.InsertPublish(_schema), record, cancellationToken)).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await ResetAsync().ConfigureAwait(false);

    private async Task<SqlConnection> Connection(CancellationToken cancellationToken)
    {
        await OpenAsync(cancellationToken).ConfigureAwait(false);
        return _connection!;
    }

    private CommandDefinition Command(string sql, object? parameters, CancellationToken cancellationToken, SqlTransaction? transaction = null) =>
        new(sql, parameters, transaction, CommandTimeout, cancellationToken: cancellationToken);

    private sealed class ColumnRow
    {
        public string TableName { get; set; } = "";

        public string ColumnName { get; set; } = "";

        public string TypeName { get; set; } = "";

        public short MaxLength { get; set; }

        public byte Precision { get; set; }

        public byte Scale { get; set; }

        public bool IsNullable { get; set; }
    }
}
