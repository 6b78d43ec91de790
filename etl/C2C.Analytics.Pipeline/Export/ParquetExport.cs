using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Pipeline.Export;

/// <summary>
/// Writes every dimension, fact and mart table to <c>&lt;export&gt;/&lt;table&gt;.parquet</c>. Files are first written into a
/// staging folder inside the run's transaction (so they hold exactly what the run commits) and only moved into place
/// after the commit, each by an atomic rename: a reader never sees half a file, and a failed run publishes nothing.
/// </summary>
public sealed class ParquetExport
{
    private static readonly string[] ExportedPrefixes = ["dim_", "fct_", "bridge_", "mart_"];
    private readonly string _directory;
    private readonly string _staging;
    private readonly List<string> _written = [];

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
                if (IsExported(name))
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
        }

        return tables.Count;
    }

    /// <summary>Step two, after the commit: move each file into place (rename is atomic on one file system).</summary>
    public void Publish()
    {
        foreach (var table in _written)
        {
            File.Move(Path.Combine(_staging, table + ".parquet"), Path.Combine(_directory, table + ".parquet"), overwrite: true);
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

    /// <summary>True for the tables the export writes (and the Power BI model can read): dim_, fct_, bridge_, mart_.</summary>
    public static bool IsExported(string table) =>
        ExportedPrefixes.Any(p => table.StartsWith(p, StringComparison.Ordinal)) && IsPlainIdentifier(table);

    private static bool IsPlainIdentifier(string name) => name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');

    private static void EtlTablesExecute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
