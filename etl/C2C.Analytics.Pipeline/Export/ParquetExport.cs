using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Pipeline.Export;

/// <summary>
/// Writes every dimension, fact and mart table to <c>&lt;export&gt;/&lt;table&gt;.parquet</c>. Files are first written into a
/// staging folder inside the run's transaction (so they hold exactly what the run commits) and only moved into place
/// after the commit, each by an atomic rename: a reader never sees half a file, and a failed run publishes nothing.
/// A process killed part-way through publishing leaves the staging folder of a committed run behind;
/// <see cref="Recover"/> finishes its publishing at the next start (the folder is complete: it was written before the
/// commit), and deletes the staging folder of a run that never committed.
/// </summary>
public sealed class ParquetExport
{
    private const string StagingPrefix = ".staging-";
    private static readonly string[] ExportedPrefixes = ["dim_", "fct_", "bridge_", "mart_"];
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
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT table_name FROM duckdb_tables()
                WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
                ORDER BY table_name
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var name = reader.GetString(0);
                if (ExportedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) && IsPlainIdentifier(name))
                {
                    tables.Add(name);
                }
            }
        }

        foreach (var table in tables)
        {
            var target = Path.Combine(_staging, table + ".parquet").Replace("'", "''", StringComparison.Ordinal);
            EtlTablesExecute(connection, $"COPY {table} TO '{target}' (FORMAT parquet, COMPRESSION zstd)");
            _written.Add(table);
            _progress?.Invoke($"export {table}.parquet");
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

    /// <summary>Moves what is left in a staging folder into place, then removes the folder; safe to repeat.</summary>
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

    private static bool IsPlainIdentifier(string name) => name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static void EtlTablesExecute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
