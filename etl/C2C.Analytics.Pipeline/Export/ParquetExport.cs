using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse;

namespace C2C.Analytics.Pipeline.Export;

/// <summary>
/// Writes every dimension, fact and mart table to <c>&lt;export&gt;/&lt;table&gt;.parquet</c>, and each table kept per
/// run date (<see cref="PartitionedTables"/>) as a Hive-style folder, one file per date:
/// <c>&lt;export&gt;/&lt;table&gt;/&lt;column&gt;=YYYY-MM-DD/data_0.parquet</c> (the column is in the folder name, not in the
/// file, as Hive, Spark and DuckDB expect). Files are first written into a staging folder inside the run's transaction
/// (so they hold exactly what the run commits) and only moved into place after the commit, each by an atomic rename:
/// a reader never sees half a file, and a failed run publishes nothing.
/// </summary>
public sealed class ParquetExport
{
    /// <summary>The file each partition folder holds (the name DuckDB's own partitioned COPY gives).</summary>
    public const string PartitionFileName = "data_0.parquet";

    /// <summary>Tables exported partitioned, and the DATE column that names their partitions.</summary>
    public static IReadOnlyDictionary<string, string> PartitionedTables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fct_engagement_stage_snapshot"] = "snapshot_date",
    };

    private readonly string _directory;
    private readonly string _staging;
    private readonly List<string> _written = [];
    private readonly List<PartitionedWrite> _partitioned = [];

    public ParquetExport(string exportDirectory, string runId)
    {
        _directory = exportDirectory;
        _staging = Path.Combine(exportDirectory, ".staging-" + runId);
    }

    public IReadOnlyList<string> Tables => _written;

    /// <summary>Step one, inside the transaction: write every exported table into the staging folder.</summary>
    public int Write(DuckDbConnection connection)
    {
        Directory.CreateDirectory(_staging);
        var tables = new List<string>();
        foreach (var name in Strings(connection, """
            SELECT table_name FROM duckdb_tables()
            WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
            ORDER BY table_name
            """))
        {
            if (ServedTables.IsServed(name))
            {
                tables.Add(name);
            }
        }

        foreach (var table in tables)
        {
            if (PartitionedTables.TryGetValue(table, out var column))
            {
                _partitioned.Add(WritePartitions(connection, table, column));
            }
            else
            {
                Copy(connection, $"SELECT * FROM {table}", Path.Combine(_staging, table + ".parquet"));
            }

            _written.Add(table);
        }

        return tables.Count;
    }

    /// <summary>Step two, after the commit: move each file into place (rename is atomic on one file system).</summary>
    public void Publish()
    {
        foreach (var table in _written.Where(t => !PartitionedTables.ContainsKey(t)))
        {
            File.Move(Path.Combine(_staging, table + ".parquet"), Path.Combine(_directory, table + ".parquet"), overwrite: true);
        }

        foreach (var write in _partitioned)
        {
            foreach (var partition in write.Staged)
            {
                var target = Path.Combine(_directory, write.Table, partition);
                Directory.CreateDirectory(target);
                File.Move(Path.Combine(_staging, write.Table, partition, PartitionFileName), Path.Combine(target, PartitionFileName), overwrite: true);
            }

            // The export mirrors the warehouse: a date the table no longer holds goes.
            var folder = Path.Combine(_directory, write.Table);
            var published = Directory.Exists(folder) ? Directory.GetDirectories(folder, write.Column + "=*") : [];
            foreach (var stale in published.Where(d => !write.All.Contains(Path.GetFileName(d))))
            {
                Directory.Delete(stale, recursive: true);
            }
        }

        Discard();
    }

    /// <summary>The run failed: nothing is published.</summary>
    public void Discard()
    {
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }
    }

    /// <summary>
    /// Stages the partition of the run's as-of date (the run has just replaced it) and every partition the published
    /// export lacks; the others are already in place and the table's rows for them did not change.
    /// </summary>
    private PartitionedWrite WritePartitions(DuckDbConnection connection, string table, string column)
    {
        var values = Strings(connection, $"SELECT DISTINCT coalesce(strftime({column}, '%Y-%m-%d'), 'NULL') FROM {table} ORDER BY 1");
        if (values.Contains("NULL"))
        {
            throw new InvalidOperationException($"{table} has rows without {column}: they belong to no partition of the export.");
        }

        var runDate = Strings(connection, "SELECT strftime(as_of, '%Y-%m-%d') FROM cfg_run").Single();
        var all = values.Select(v => $"{column}={v}").ToHashSet(StringComparer.Ordinal);
        var staged = new List<string>();
        foreach (var value in values)
        {
            var partition = $"{column}={value}";
            if (value == runDate || !File.Exists(Path.Combine(_directory, table, partition, PartitionFileName)))
            {
                Copy(connection, $"SELECT * EXCLUDE ({column}) FROM {table} WHERE {column} = DATE '{value}'",
                    Path.Combine(_staging, table, partition, PartitionFileName));
                staged.Add(partition);
            }
        }

        return new PartitionedWrite(table, column, staged, all);
    }

    private static void Copy(DuckDbConnection connection, string query, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var command = connection.CreateCommand();
        command.CommandText = $"COPY ({query}) TO '{target.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet, COMPRESSION zstd)";
        command.ExecuteNonQuery();
    }

    private static List<string> Strings(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static bool IsPlainIdentifier(string name) => name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    /// <summary>What one partitioned table staged (partition folder names) and every partition the table holds.</summary>
    private sealed record PartitionedWrite(string Table, string Column, IReadOnlyList<string> Staged, IReadOnlySet<string> All);
}
