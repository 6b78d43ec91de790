using System.Data.Common;
using C2C.Analytics.SqlServer.Load;
using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer.Target;

/// <summary>
/// What the publisher asks of the server, step by step; <see cref="SqlServerTarget"/> does it with SqlClient and
/// Dapper, tests with an in-memory server. Every step is safe to run again after a transient failure.
/// </summary>
public interface IPublishTarget : IAsyncDisposable
{
    /// <summary>The server and database, for messages (never the connection string).</summary>
    string Description { get; }

    /// <summary>Connects (again) and takes the publish lock of the target schema.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>After a transient failure: forget the connection, so the next step connects anew.</summary>
    Task ResetAsync();

    /// <summary>Creates the target and staging schemas and the metadata tables when missing.</summary>
    Task EnsureSchemasAsync(CancellationToken cancellationToken);

    /// <summary>The tables of the target schema and their columns.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<ExistingColumn>>> ReadTablesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DateCount>> ReadDateCountsAsync(TargetTable table, CancellationToken cancellationToken);

    /// <summary>(Re)creates the staging table, bulk copies <paramref name="rows"/> into it, builds its indexes, and returns its row count.</summary>
    Task<long> LoadStagingAsync(TargetTable table, bool window, DbDataReader rows, Action<long>? progress, CancellationToken cancellationToken);

    Task DropStagingAsync(IEnumerable<string> tables, CancellationToken cancellationToken);

    /// <summary>True when <c>etl_publish</c> records this publish as succeeded (a switch whose commit was not acknowledged).</summary>
    Task<bool> IsPublishedAsync(Guid publishId, CancellationToken cancellationToken);

    Task<ISwitchTransaction> BeginSwitchAsync(CancellationToken cancellationToken);

    /// <summary>Records a failed publish, outside any transaction.</summary>
    Task RecordFailureAsync(PublishRecord record, CancellationToken cancellationToken);
}

/// <summary>The one transaction that puts every loaded table in place; disposing it uncommitted rolls everything back.</summary>
public interface ISwitchTransaction : IAsyncDisposable
{
    /// <summary>The published table is dropped and the staging table moved into its place.</summary>
    Task ReplaceAsync(TargetTable table, CancellationToken cancellationToken);

    /// <summary>A snapshot table's rows from <paramref name="from"/> on are replaced by the staging table's.</summary>
    Task MergeWindowAsync(TargetTable table, DateTime from, CancellationToken cancellationToken);

    /// <summary>Rows in the published table, as this transaction sees it.</summary>
    Task<long> CountAsync(string table, CancellationToken cancellationToken);

    /// <summary>Appends the changes under the next schema version (none: the version stays); returns the version now in force.</summary>
    Task<int> RecordSchemaChangesAsync(string runId, IReadOnlyList<SchemaChange> changes, CancellationToken cancellationToken);

    Task RecordPublishAsync(PublishRecord record, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
