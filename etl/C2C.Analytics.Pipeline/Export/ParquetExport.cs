using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse;

namespace C2C.Analytics.Pipeline.Export;

/// <summary>
/// Writes every dimension, fact and mart table to <c>&lt;export&gt;/&lt;table&gt;.parquet</c>, and each table kept per
/// run date (<see cref="PartitionedTables"/>) as a Hive-style folder, one file per date:
/// <c>&lt;export&gt;/&lt;table&gt;/&lt;column&gt;=YYYY-MM-DD/data_0.parquet</c> (the column is in the folder name, not in the
/// file, as Hive, Spark and DuckDB expect). Files are first written into a staging folder inside the run's transaction
/// (so they hold exactly what the run commits) and only moved into place after the commit, each by an atomic rename:
/// a reader never sees half a file, and a failed run publishes nothing. A process killed part-way through publishing
/// leaves the staging folder of a committed run behind; <see cref="Recover"/> finishes its publishing at the next start
/// (the folder is complete: it was written before the commit, with each partitioned table's list of the dates it
/// holds), and deletes the staging folder of a run that never committed.
/// </summary>
public sealed class ParquetExport
{
    private const string StagingPrefix = ".staging-";

    /// <summary>In a partitioned table's staging folder: every partition the table holds, one per line.</summary>
    private const string PartitionListFile = "partitions.txt";

    /// <summary>The file each partition folder holds (the name DuckDB's own partitioned COPY gives).</summary>
    public const string PartitionFileName = "data_0.parquet";

    /// <summary>Tables exported partitioned, and the DATE column that names their partitions.</summary>
    public static IReadOnlyDictionary<string, string> PartitionedTables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fct_engagement_stage_snapshot"] = "snapshot_date",
    };

    private readonly string _directory;
    private readonly string _staging;
    private readonly Action<string>? _progress;
    private readonly List<string> _written = [];

    public ParquetExport(string exportDirectory, string runId, Action<string>? progress = null)
    {
        _directory = exportDirectory;
        _staging = Path.Combine(exportDirectory, StagingPrefix + runId);
        _progress = progress;
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
                WritePartitions(connection, table, column);
            }
            else
            {
                Copy(connection, $"SELECT * FROM {table}", Path.Combine(_staging, table + ".parquet"));
            }

            _written.Add(table);
            _progress?.Invoke($"export {table}");
        }

        return tables.Count;
    }

    /// <summary>Step two, after the commit: move each file into place (rename is atomic on one file system).</summary>
    public void Publish() => PublishStaged(_staging, _directory, _progress);

    /// <summary>
    /// After a crash: every staging folder left in <paramref name="exportDirectory"/> is either published (its run
    /// committed, so its files are the warehouse's) or deleted (its run rolled back). Returns the run ids published.
    /// </summary>
    public static IReadOnlyList<string> Recover(string exportDirectory, Func<string, bool> committed, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(committed);
        var published = new List<string>();
        if (!Directory.Exists(exportDirectory))
        {
            return published;
        }

        foreach (var staging in Directory.GetDirectories(exportDirectory, StagingPrefix + "*").Order(StringComparer.Ordinal))
        {
            var runId = Path.GetFileName(staging)[StagingPrefix.Length..];
            if (committed(runId))
            {
                PublishStaged(staging, exportDirectory, progress);
                published.Add(runId);
            }
            else
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return published;
    }

    /// <summary>
    /// Moves what is left in a staging folder into place, then removes the folder; safe to repeat. A partitioned
    /// table's folder holds the partitions the run wrote and the list of every partition the table holds: a published
    /// partition not on the list (a date the table no longer holds) goes, so the export mirrors the warehouse.
    /// </summary>
    private static void PublishStaged(string staging, string directory, Action<string>? progress)
    {
        if (!Directory.Exists(staging))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(staging, "*.parquet").Order(StringComparer.Ordinal))
        {
            File.Move(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
            progress?.Invoke($"publish {Path.GetFileName(file)}");
        }

        foreach (var table in Directory.GetDirectories(staging).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(table);
            var listFile = Path.Combine(table, PartitionListFile);
            if (!PartitionedTables.TryGetValue(name, out var column) || !File.Exists(listFile))
            {
                continue;
            }

            foreach (var partition in Directory.GetDirectories(table, column + "=*"))
            {
                var target = Path.Combine(directory, name, Path.GetFileName(partition));
                Directory.CreateDirectory(target);
                File.Move(Path.Combine(partition, PartitionFileName), Path.Combine(target, PartitionFileName), overwrite: true);
            }

            var all = File.ReadAllLines(listFile).ToHashSet(StringComparer.Ordinal);
            var folder = Path.Combine(directory, name);
            var published = Directory.Exists(folder) ? Directory.GetDirectories(folder, column + "=*") : [];
            foreach (var stale in published.Where(d => !all.Contains(Path.GetFileName(d))))
            {
                Directory.Delete(stale, recursive: true);
            }

            progress?.Invoke($"publish {name}/");
        }

        Directory.Delete(staging, recursive: true);
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
    private void WritePartitions(DuckDbConnection connection, string table, string column)
    {
        var values = Strings(connection, $"SELECT DISTINCT coalesce(strftime({column}, '%Y-%m-%d'), 'NULL') FROM {table} ORDER BY 1");
        if (values.Contains("NULL"))
        {
            throw new InvalidOperationException($"{table} has rows without {column}: they belong to no partition of the export.");
        }

        var runDate = Strings(connection, "SELECT strftime(as_of, '%Y-%m-%d') FROM cfg_run").Single();
        var all = values.Select(v => $"{column}={v}").ToList();
        Directory.CreateDirectory(Path.Combine(_staging, table));
        File.WriteAllLines(Path.Combine(_staging, table, PartitionListFile), all);
        foreach (var value in values)
        {
            var partition = $"{column}={value}";
            if (value == runDate || !File.Exists(Path.Combine(_directory, table, partition, PartitionFileName)))
            {
                Copy(connection, $"SELECT * EXCLUDE ({column}) FROM {table} WHERE {column} = DATE '{value}'",
                    Path.Combine(_staging, table, partition, PartitionFileName));
            }
        }
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
}
