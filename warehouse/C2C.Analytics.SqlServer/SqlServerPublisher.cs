using System.Diagnostics;
using System.Globalization;
using C2C.Analytics.DuckDb;
using C2C.Analytics.SqlServer.Catalog;
using C2C.Analytics.SqlServer.Load;
using C2C.Analytics.SqlServer.Retry;
using C2C.Analytics.SqlServer.Schema;
using C2C.Analytics.SqlServer.Target;
using C2C.Analytics.Warehouse.Models;
using Dapper;
using Microsoft.Data.SqlClient;

namespace C2C.Analytics.SqlServer;

/// <summary>
/// Publishes the warehouse's finished tables to SQL Server. In order: read the served tables from DuckDB's catalog and
/// check their data against what is declared (nothing on the server is touched if that fails); create the schemas
/// and metadata tables; compare each table with its published version (breaking changes stop here); bulk copy each
/// table, streaming from DuckDB, into the staging schema, and check its row count; then, in one transaction, move
/// every table into place (snapshot tables: replace their newest dates), check every row count against the
/// warehouse's, record the schema changes and the publish, and commit. Power BI sees the previous publish until that
/// commit, and keeps it if anything fails. The DuckDB warehouse is only read.
/// </summary>
public sealed class SqlServerPublisher
{
    private readonly SqlServerPublishOptions _options;
    private readonly Func<IPublishTarget> _createTarget;
    private readonly RetryPolicy _retry;
    private readonly TimeProvider _clock;

    public SqlServerPublisher(SqlServerPublishOptions options)
        : this(options, () => new SqlServerTarget(options))
    {
    }

    internal SqlServerPublisher(SqlServerPublishOptions options, Func<IPublishTarget> createTarget,
        Func<TimeSpan, CancellationToken, Task>? delay = null, Func<Exception, bool>? isTransient = null, TimeProvider? clock = null)
    {
        _options = options;
        _createTarget = createTarget;
        _clock = clock ?? TimeProvider.System;
        _retry = new RetryPolicy(options.Retry, isTransient, delay);
        _retry.Retrying += (step, error, attempt, wait) => Report(string.Create(CultureInfo.InvariantCulture,
            $"{step}: transient error ({Describe(error)}); attempt {attempt + 1} of {options.Retry.MaxAttempts} in {wait.TotalSeconds:0.0} s"));
    }

    /// <summary>Progress lines for a person watching.</summary>
    public event Action<string>? Progress;

    /// <summary>Publishes the warehouse file at <paramref name="warehousePath"/>, opened read-only.</summary>
    /// <param name="request">The run being published; null for the warehouse's last successful run.</param>
    public async Task<PublishResult> PublishAsync(string warehousePath, ModelCatalog? models, PublishRequest? request, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(warehousePath))
        {
            throw new PublishException($"There is no warehouse at {warehousePath}: run c2c run first.");
        }

        using var warehouse = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = warehousePath, ReadOnly = true }.ConnectionString);
        try
        {
            warehouse.Open();
        }
        catch (DuckDbException e)
        {
            throw new PublishException($"The warehouse {warehousePath} cannot be opened (is a run writing it?): {e.Message}", e);
        }

        return await PublishAsync(warehouse, models, request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PublishResult> PublishAsync(DuckDbConnection warehouse, ModelCatalog? models, PublishRequest? request, CancellationToken cancellationToken = default)
    {
        CheckOptions();
        var watch = Stopwatch.StartNew();
        var startedAt = _clock.GetUtcNow().UtcDateTime;
        IReadOnlyList<TargetTable> tables;
        try
        {
            request ??= PublishRequest.LastGood(warehouse)
                ?? throw new PublishException("The warehouse has no successful run to publish: run c2c run first.");
            var sources = WarehouseCatalog.Read(warehouse, models);
            if (sources.Count == 0)
            {
                throw new PublishException("The warehouse has no dimension, fact, bridge or mart tables to publish: run c2c run first.");
            }

            tables = SchemaPlanner.Plan(sources, _options);
            for (var i = 0; i < sources.Count; i++)
            {
                SourceValidation.ThrowIfInvalid(warehouse, sources[i], tables[i]);
            }
        }
        catch (DuckDbException e)
        {
            throw new PublishException($"Reading the warehouse failed: {e.Message}", e);
        }

        var publishId = Guid.NewGuid();
        await using var target = _createTarget();
        Report($"publishing run {request.RunId} ({tables.Count} tables) to schema {_options.Schema} on {target.Description}");
        var run = new Run(this, warehouse, target, request, publishId, startedAt);
        try
        {
            var (loads, changes) = await run.PrepareAsync(tables, cancellationToken).ConfigureAwait(false);
            var published = await run.LoadAsync(loads, cancellationToken).ConfigureAwait(false);
            var version = await run.SwitchAsync(loads, changes, published, cancellationToken).ConfigureAwait(false);
            Report(string.Create(CultureInfo.InvariantCulture,
                $"published {published.Count} tables, {published.Sum(p => p.Rows):N0} rows, schema version {version}, in {watch.Elapsed.TotalSeconds:0.0} s"));
            return new PublishResult(publishId, request, target.Description, _options.Schema, version, published, changes, watch.Elapsed);
        }
        catch (Exception e)
        {
            await run.CleanUpAfterFailureAsync(tables.Select(t => t.Name), e).ConfigureAwait(false);
            throw Wrap(e, target.Description);
        }
    }

    private void CheckOptions()
    {
        foreach (var (name, value) in new[] { ("Schema", _options.Schema), ("StagingSchema", _options.EffectiveStagingSchema) })
        {
            if (!Identifiers.IsPlainSchemaName(value))
            {
                throw new PublishConfigurationException(
                    $"Publish:SqlServer:{name} '{value}' is not a plain schema name (a letter or underscore, then letters, digits or underscores).");
            }
        }

        if (string.Equals(_options.Schema, _options.EffectiveStagingSchema, StringComparison.OrdinalIgnoreCase))
        {
            throw new PublishConfigurationException("Publish:SqlServer:StagingSchema must differ from Publish:SqlServer:Schema.");
        }

        if (_options.BatchSize < 1 || _options.CommandTimeoutSeconds < 0 || _options.BulkCopyTimeoutSeconds < 0)
        {
            throw new PublishConfigurationException("Publish:SqlServer needs a BatchSize of 1 or more and time-outs of 0 (no limit) or more seconds.");
        }
    }

    private void Report(string message) => Progress?.Invoke(message);

    private static Exception Wrap(Exception e, string target) => e switch
    {
        PublishException or OperationCanceledException => e,
        SqlException sql => new PublishException($"{target}: {Describe(sql)}", sql),
        DuckDbException duck => new PublishException($"Reading the warehouse failed: {duck.Message}", duck),
        // SqlBulkCopy reports a value it cannot convert as an InvalidOperationException.
        InvalidOperationException invalid => new PublishException($"{target}: {invalid.Message}", invalid),
        _ => e,
    };

    private static string Describe(Exception e) => e is SqlException sql
        ? string.Create(CultureInfo.InvariantCulture, $"error {sql.Number}: {sql.Message}")
        : e.Message;

    /// <summary>One publish's steps against one target.</summary>
    private sealed class Run(SqlServerPublisher publisher, DuckDbConnection warehouse, IPublishTarget target, PublishRequest request, Guid publishId, DateTime startedAt)
    {
        private bool _metadataReady;

        public async Task<(IReadOnlyList<TableLoad> Loads, IReadOnlyList<SchemaChange> Changes)> PrepareAsync(IReadOnlyList<TargetTable> tables, CancellationToken cancellationToken)
        {
            await Step("connect", target.OpenAsync, cancellationToken).ConfigureAwait(false);
            await Step("create the schemas", target.EnsureSchemasAsync, cancellationToken).ConfigureAwait(false);
            _metadataReady = true;
            var existing = await Step("read the published tables", target.ReadTablesAsync, cancellationToken).ConfigureAwait(false);
            var changes = tables.SelectMany(t => SchemaComparer.Compare(t, existing.GetValueOrDefault(t.Name))).ToList();
            var breaking = changes.Where(c => c.IsBreaking).ToList();
            if (breaking.Count > 0 && !publisher._options.AcceptBreakingChanges)
            {
                throw new BreakingSchemaChangeException(breaking);
            }

            var loads = new List<TableLoad>(tables.Count);
            foreach (var table in tables)
            {
                var unchanged = existing.ContainsKey(table.Name) && !changes.Any(c => c.Table == table.Name);
                DateTime? start = null;
                var rows = table.SourceRows;
                if (table.IsSnapshot && unchanged)
                {
                    var inWarehouse = warehouse.Query<DateCount>(SourceQueries.DateCounts(table)).ToList();
                    var onServer = await Step($"count {table.Name} by date", ct => target.ReadDateCountsAsync(table, ct), cancellationToken).ConfigureAwait(false);
                    start = SnapshotWindow.Start(inWarehouse, onServer);
                    rows = start is { } from ? SnapshotWindow.RowsFrom(inWarehouse, from) : rows;
                }

                loads.Add(new TableLoad(table, start, rows));
            }

            foreach (var change in changes)
            {
                publisher.Report($"schema: {change}");
            }

            return (loads, changes);
        }

        public async Task<IReadOnlyList<TablePublished>> LoadAsync(IReadOnlyList<TableLoad> loads, CancellationToken cancellationToken)
        {
            var published = new List<TablePublished>(loads.Count);
            foreach (var load in loads)
            {
                var watch = Stopwatch.StartNew();
                var table = load.Table;
                var staged = await Step($"load {table.Name}", async ct =>
                {
                    using var rows = OpenSource(load);
                    return await target.LoadStagingAsync(table, load.WindowStart is not null, rows, null, ct).ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                if (staged != load.RowsToCopy)
                {
                    throw new RowCountMismatchException(table.Name, load.RowsToCopy, staged, "the staging table");
                }

                var window = load.WindowStart is { } from ? string.Create(CultureInfo.InvariantCulture, $" from {from:yyyy-MM-dd} on") : "";
                publisher.Report(string.Create(CultureInfo.InvariantCulture, $"{table.Name}: {staged:N0} rows{window} in {watch.Elapsed.TotalSeconds:0.0} s"));
                published.Add(new TablePublished(table.Name, load.WindowStart, table.SourceRows, staged, watch.Elapsed));
            }

            return published;
        }

        public async Task<int> SwitchAsync(IReadOnlyList<TableLoad> loads, IReadOnlyList<SchemaChange> changes, IReadOnlyList<TablePublished> published, CancellationToken cancellationToken)
        {
            int? committedVersion = null;
            return await Step("switch the tables into place", async ct =>
            {
                // A commit whose acknowledgement was lost is not done twice.
                if (committedVersion is { } version && await target.IsPublishedAsync(publishId, ct).ConfigureAwait(false))
                {
                    return version;
                }

                await using var transaction = await target.BeginSwitchAsync(ct).ConfigureAwait(false);
                foreach (var load in loads)
                {
                    if (load.WindowStart is { } from)
                    {
                        await transaction.MergeWindowAsync(load.Table, from, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        await transaction.ReplaceAsync(load.Table, ct).ConfigureAwait(false);
                    }
                }

                foreach (var load in loads)
                {
                    var count = await transaction.CountAsync(load.Table.Name, ct).ConfigureAwait(false);
                    if (count != load.Table.SourceRows)
                    {
                        throw new RowCountMismatchException(load.Table.Name, load.Table.SourceRows, count, "the published table");
                    }
                }

                var schemaVersion = await transaction.RecordSchemaChangesAsync(request.RunId, changes, ct).ConfigureAwait(false);
                await transaction.RecordPublishAsync(Record("succeeded", published.Count, published.Sum(p => p.Rows), schemaVersion, null), ct).ConfigureAwait(false);
                committedVersion = schemaVersion;
                await transaction.CommitAsync(ct).ConfigureAwait(false);
                return schemaVersion;
            }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Best effort: the staging tables go, and the failure is recorded; neither may hide the error itself.</summary>
        public async Task CleanUpAfterFailureAsync(IEnumerable<string> tables, Exception error)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await target.ResetAsync().ConfigureAwait(false);
                if (!_metadataReady)
                {
                    return;
                }

                await target.DropStagingAsync(tables, timeout.Token).ConfigureAwait(false);
                var message = Wrap(error, target.Description).Message;
                await target.RecordFailureAsync(Record("failed", null, null, null, message.Length > 4000 ? message[..4000] : message), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception cleanup) when (cleanup is SqlException or InvalidOperationException or PublishException or OperationCanceledException)
            {
                publisher.Report($"could not clean up the staging tables or record the failure: {Describe(cleanup)}");
            }
        }

        private BulkCopySource OpenSource(TableLoad load)
        {
            var sql = SourceQueries.Rows(load.Table, load.WindowStart is not null);
            var reader = load.WindowStart is { } from ? warehouse.ExecuteReader(sql, new { from }) : warehouse.ExecuteReader(sql);
            return new BulkCopySource(reader, load.Table.Columns.Select(c => c.Conversion).ToList());
        }

        private PublishRecord Record(string status, int? tables, long? rows, int? version, string? error) => new(
            publishId, request.RunId, request.AsOf.ToDateTime(TimeOnly.MinValue), startedAt, publisher._clock.GetUtcNow().UtcDateTime,
            status, tables, rows, version, error, Environment.MachineName);

        private Task<T> Step<T>(string name, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken) =>
            publisher._retry.RunAsync(name, action, target.ResetAsync, cancellationToken);

        private Task Step(string name, Func<CancellationToken, Task> action, CancellationToken cancellationToken) =>
            publisher._retry.RunAsync(name, action, target.ResetAsync, cancellationToken);
    }

    /// <summary>One table's load: the whole table, or a snapshot table's dates from <see cref="WindowStart"/> on.</summary>
    internal sealed record TableLoad(TargetTable Table, DateTime? WindowStart, long RowsToCopy);
}
