using System.Security.Cryptography;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Tests.Support;

/// <summary>
/// Everything a run can change, as text to compare: each warehouse table's rows (sorted, one line each) and each
/// published Parquet file's SHA-256. Written independently of the pipeline: plain SQL over duckdb_tables().
/// </summary>
internal sealed record WarehouseSnapshot(
    IReadOnlyDictionary<string, string> Tables,
    IReadOnlyDictionary<string, string> Exported,
    IReadOnlyDictionary<string, string> ExportFiles)
{
    public static WarehouseSnapshot Take(string dataDirectory)
    {
        var tables = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var exported = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using (var connection = new DuckDbConnection($"Data Source={Path.Combine(dataDirectory, "warehouse.duckdb")};access_mode=READ_ONLY"))
        {
            connection.Open();
            var names = new List<string>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }
            }

            string Rows(string from)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT coalesce(string_agg(CAST(t AS VARCHAR), chr(10) ORDER BY CAST(t AS VARCHAR)), '') FROM ({from}) AS t";
                return (string)command.ExecuteScalar()!;
            }

            foreach (var name in names)
            {
                tables[name] = Rows($"SELECT * FROM \"{name}\"");
                if (IsExported(name))
                {
                    // Lineage columns name the landing file of the run (its id is new each run): the data is the rest.
                    exported[name] = Rows($"SELECT COLUMNS(c -> c NOT LIKE '%file_name') FROM \"{name}\"");
                }
            }
        }

        var export = Path.Combine(dataDirectory, "export");
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(export, "*.parquet"))
        {
            files[Path.GetFileName(file)] = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
        }

        return new WarehouseSnapshot(tables, exported, files);
    }

    /// <summary>The tables a run exports (dimensions, facts, bridges, marts): what a rerun of the same inputs must reproduce.</summary>
    private static bool IsExported(string table) =>
        table.StartsWith("dim_", StringComparison.Ordinal) || table.StartsWith("fct_", StringComparison.Ordinal)
        || table.StartsWith("bridge_", StringComparison.Ordinal) || table.StartsWith("mart_", StringComparison.Ordinal);

    public static void AssertSameTables(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual, string because)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (table, rows) in expected)
        {
            Assert.True(rows == actual[table], $"{table} differs {because}.");
        }
    }
}
