using C2C.Analytics.DuckDb;
using Dapper;

namespace C2C.Analytics.PowerBi.Tests.Support;

/// <summary>The columns and DuckDB types of each exported Parquet file, read from the files themselves.</summary>
public static class ExportSchema
{
    public static Dictionary<string, Dictionary<string, string>> Read(string exportDirectory)
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(exportDirectory, "*.parquet"))
        {
            var columns = connection.Query<(string Name, string Type)>(
                $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}'))");
            tables[Path.GetFileNameWithoutExtension(file)] = columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        }

        // A table exported partitioned by date is a folder of <column>=yyyy-MM-dd folders; DuckDB's Hive partitioning
        // reads the column back from the folder names, as a DATE (hive_types), the type the model gives it.
        foreach (var folder in Directory.GetDirectories(exportDirectory))
        {
            var partitions = Directory.GetDirectories(folder, "*=*");
            if (partitions.Length == 0)
            {
                continue;
            }

            var column = Path.GetFileName(partitions[0]).Split('=')[0];
            var glob = Path.Combine(folder, "*", "*.parquet").Replace("'", "''", StringComparison.Ordinal);
            var columns = connection.Query<(string Name, string Type)>(
                $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{glob}', hive_partitioning = true, hive_types = {{'{column}': DATE}}))");
            tables[Path.GetFileName(folder)] = columns.ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
        }

        return tables;
    }

    /// <summary>
    /// The model's data type for a Parquet column as DuckDB reads it, by TMDL's vocabulary: text, whole numbers, fixed
    /// decimals (four places at most), floating point, dates and times, true/false. Written here on its own, not taken
    /// from the generator, so that a wrong mapping there shows.
    /// </summary>
    public static string? TmdlDataType(string duckDbType) => duckDbType switch
    {
        "VARCHAR" => "string",
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" => "int64",
        "DOUBLE" or "FLOAT" => "double",
        "BOOLEAN" => "boolean",
        "DATE" or "TIMESTAMP" or "TIMESTAMP WITH TIME ZONE" => "dateTime",
        "DECIMAL(18,2)" or "DECIMAL(5,2)" => "decimal",
        _ => null,
    };

    /// <summary>The Power Query type a partition casts a column of that type to.</summary>
    public static string? PowerQueryType(string duckDbType) => duckDbType switch
    {
        "VARCHAR" => "type text",
        "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" => "Int64.Type",
        "DOUBLE" or "FLOAT" => "type number",
        "BOOLEAN" => "type logical",
        "DATE" => "type date",
        "TIMESTAMP" => "type datetime",
        "DECIMAL(18,2)" or "DECIMAL(5,2)" => "Currency.Type",
        _ => null,
    };
}
