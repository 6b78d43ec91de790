using System.Data.Common;
using C2C.Analytics.SqlServer.Load;
using C2C.Analytics.SqlServer.Schema;
using C2C.Analytics.SqlServer.Target;

namespace C2C.Analytics.SqlServer.Tests.Support;

/// <summary>A table on the fake server: its columns and its rows (values as the bulk copy source gave them).</summary>
internal sealed record FakeTable(IReadOnlyList<ExistingColumn> Columns, List<object?[]> Rows, string? DateColumn = null)
{
    public FakeTable Copy() => this with { Rows = Rows.Select(r => (object?[])r.Clone()).ToList() };

    public int Ordinal(string column) => Columns.Select(c => c.Name).ToList().IndexOf(column);
}

/// <summary>
/// An in-memory SQL Server for the publisher's steps: published and staging tables, the publish log and the schema
/// history, a transaction that works on a copy and swaps it in on commit. Faults can be injected per step.
/// </summary>
internal sealed class FakeServer
{
    public Dictionary<string, FakeTable> Published { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, FakeTable> Staging { get; } = new(StringComparer.OrdinalIgnoreCase);

    public List<PublishRecord> Publishes { get; } = [];

    public List<(int Version, string Table, string Change)> SchemaHistory { get; } = [];

    /// <summary>Every step in order, e.g. "open", "load dim_region", "replace dim_region", "commit".</summary>
    public List<string> Steps { get; } = [];

    /// <summary>Throws the returned exception when a step starts (null: no fault). Called with the step's name.</summary>
    public Func<string, Exception?> Fault { get; set; } = _ => null;

    /// <summary>Rows the bulk copy into a table silently loses (a misbehaving server), by table.</summary>
    public Dictionary<string, int> LoseRowsOnLoad { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Rows lost when a table is switched into place, by table.</summary>
    public Dictionary<string, int> LoseRowsOnSwitch { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, a commit succeeds but its acknowledgement is lost with this exception.</summary>
    public Exception? LoseCommitAcknowledgement { get; set; }

    public bool MetadataCreated { get; private set; }

    public int Opens { get; private set; }

    public void Run(string step)
    {
        Steps.Add(step);
        if (Fault(step) is { } exception)
        {
            throw exception;
        }
    }

    public IPublishTarget Target() => new FakeTarget(this);

    private sealed class FakeTarget(FakeServer server) : IPublishTarget
    {
        public string Description => "server fake, database test";

        public Task OpenAsync(CancellationToken cancellationToken)
        {
            server.Opens++;
            server.Run("open");
            return Task.CompletedTask;
        }

        public Task ResetAsync()
        {
            server.Steps.Add("reset");
            return Task.CompletedTask;
        }

        public Task EnsureSchemasAsync(CancellationToken cancellationToken)
        {
            server.Run("ensure schemas");
            server.MetadataCreated = true;
            return Task.CompletedTask;
        }

        public Task<IReadOnlyDictionary<string, IReadOnlyList<ExistingColumn>>> ReadTablesAsync(CancellationToken cancellationToken)
        {
            server.Run("read tables");
            IReadOnlyDictionary<string, IReadOnlyList<ExistingColumn>> tables = server.Published.ToDictionary(t => t.Key, t => t.Value.Columns, StringComparer.OrdinalIgnoreCase);
            return Task.FromResult(tables);
        }

        public Task<IReadOnlyList<DateCount>> ReadDateCountsAsync(TargetTable table, CancellationToken cancellationToken)
        {
            server.Run($"date counts {table.Name}");
            var published = server.Published[table.Name];
            var ordinal = published.Ordinal(table.SnapshotDateColumn!);
            IReadOnlyList<DateCount> counts = published.Rows.GroupBy(r => (DateTime)r[ordinal]!).Select(g => new DateCount(g.Key, g.Count())).ToList();
            return Task.FromResult(counts);
        }

        public Task<long> LoadStagingAsync(TargetTable table, bool window, DbDataReader rows, Action<long>? progress, CancellationToken cancellationToken)
        {
            server.Run($"load {table.Name}");
            var loaded = new List<object?[]>();
            while (rows.Read())
            {
                var values = new object?[rows.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    var value = rows.GetValue(i);
                    values[i] = value is DBNull ? null : value;
                }

                loaded.Add(values);
                server.Run($"row {table.Name}");
            }

            loaded.RemoveRange(0, Math.Min(loaded.Count, server.LoseRowsOnLoad.GetValueOrDefault(table.Name)));
            var columns = table.Columns.Select(c => new ExistingColumn(c.Name, c.Type, c.IsNullable)).ToList();
            server.Staging[table.Name] = new FakeTable(columns, loaded, table.SnapshotDateColumn);
            return Task.FromResult((long)loaded.Count);
        }

        public Task DropStagingAsync(IEnumerable<string> tables, CancellationToken cancellationToken)
        {
            server.Run("drop staging");
            foreach (var table in tables)
            {
                server.Staging.Remove(table);
            }

            return Task.CompletedTask;
        }

        public Task<bool> IsPublishedAsync(Guid publishId, CancellationToken cancellationToken)
        {
            server.Run("is published");
            return Task.FromResult(server.Publishes.Any(p => p.PublishId == publishId && p.Status == "succeeded"));
        }

        public Task<ISwitchTransaction> BeginSwitchAsync(CancellationToken cancellationToken)
        {
            server.Run("begin switch");
            return Task.FromResult<ISwitchTransaction>(new FakeSwitch(server));
        }

        public Task RecordFailureAsync(PublishRecord record, CancellationToken cancellationToken)
        {
            server.Run("record failure");
            server.Publishes.Add(record);
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    /// <summary>Works on copies; commit swaps them in, as a transaction would.</summary>
    private sealed class FakeSwitch(FakeServer server) : ISwitchTransaction
    {
        private readonly Dictionary<string, FakeTable> _published = server.Published.ToDictionary(t => t.Key, t => t.Value.Copy(), StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, FakeTable> _staging = new(server.Staging, StringComparer.OrdinalIgnoreCase);
        private readonly List<PublishRecord> _publishes = [];
        private readonly List<(int, string, string)> _history = [];

        public Task ReplaceAsync(TargetTable table, CancellationToken cancellationToken)
        {
            server.Run($"replace {table.Name}");
            var staged = _staging[table.Name].Copy();
            _staging.Remove(table.Name);
            staged.Rows.RemoveRange(0, Math.Min(staged.Rows.Count, server.LoseRowsOnSwitch.GetValueOrDefault(table.Name)));
            _published[table.Name] = staged;
            return Task.CompletedTask;
        }

        public Task MergeWindowAsync(TargetTable table, DateTime from, CancellationToken cancellationToken)
        {
            server.Run($"merge {table.Name} from {from:yyyy-MM-dd}");
            var published = _published[table.Name];
            var ordinal = published.Ordinal(table.SnapshotDateColumn!);
            published.Rows.RemoveAll(r => (DateTime)r[ordinal]! >= from);
            published.Rows.AddRange(_staging[table.Name].Rows);
            _staging.Remove(table.Name);
            return Task.CompletedTask;
        }

        public Task<long> CountAsync(string table, CancellationToken cancellationToken)
        {
            server.Run($"count {table}");
            return Task.FromResult((long)_published[table].Rows.Count);
        }

        public Task<int> RecordSchemaChangesAsync(string runId, IReadOnlyList<SchemaChange> changes, CancellationToken cancellationToken)
        {
            server.Run("record schema changes");
            var version = server.SchemaHistory.Select(h => h.Version).DefaultIfEmpty(0).Max();
            if (changes.Count > 0)
            {
                version++;
                _history.AddRange(changes.Select(c => (version, c.Table, c.Description)));
            }

            return Task.FromResult(version);
        }

        public Task RecordPublishAsync(PublishRecord record, CancellationToken cancellationToken)
        {
            server.Run("record publish");
            _publishes.Add(record);
            return Task.CompletedTask;
        }

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            server.Run("commit");
            server.Published.Clear();
            foreach (var (name, table) in _published)
            {
                server.Published[name] = table;
            }

            server.Staging.Clear();
            foreach (var (name, table) in _staging)
            {
                server.Staging[name] = table;
            }

            server.Publishes.AddRange(_publishes);
            server.SchemaHistory.AddRange(_history);
            if (server.LoseCommitAcknowledgement is { } lost)
            {
                server.LoseCommitAcknowledgement = null;
                throw lost;
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            server.Steps.Add("end switch");
            return ValueTask.CompletedTask;
        }
    }
}
