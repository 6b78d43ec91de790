using System.Globalization;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Models;

/// <summary>The statements the materializations that keep a table across runs share.</summary>
internal static class ModelSql
{
    public static int Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    public static long Count(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The first row's columns as text (NULL as null), or null without a row.</summary>
    public static string?[]? FirstRow(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            return null;
        }

        var values = new string?[reader.FieldCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
        }

        return values;
    }

    /// <summary>A column name as a quoted identifier: a model's SELECT may name its columns anything.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Whether the model's table exists (a table of the main schema, not a temporary one).</summary>
    public static bool TableExists(DuckDbConnection connection, string table) => Count(connection, $"""
        SELECT count(*) FROM duckdb_tables()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary AND table_name = '{table}'
        """) > 0;

    /// <summary>A table's columns and their types, in order (<paramref name="table"/> is a checked model name or a temp table).</summary>
    public static List<(string Name, string Type)> Columns(DuckDbConnection connection, string table, bool temporary = false)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT column_name, data_type FROM duckdb_columns()
            WHERE table_name = '{table}' AND {(temporary ? "database_name = 'temp'" : "database_name = current_database() AND schema_name = 'main'")}
            ORDER BY column_index
            """;
        var columns = new List<(string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            columns.Add((reader.GetString(0), reader.GetString(1)));
        }

        return columns;
    }

    /// <summary>The columns and types the model's SELECT returns, without running it for its rows.</summary>
    public static List<(string Name, string Type)> Shape(DuckDbConnection connection, string body)
    {
        Execute(connection, $"CREATE OR REPLACE TEMP TABLE model_shape AS SELECT * FROM (\n{body}\n) LIMIT 0");
        var columns = Columns(connection, "model_shape", temporary: true);
        Execute(connection, "DROP TABLE model_shape");
        return columns;
    }

    /// <summary>
    /// Adds to a kept table the columns the model has gained since the table was created (NULL in the rows already
    /// there); a column the model no longer has stays, NULL in new rows.
    /// </summary>
    public static void AddNewColumns(DuckDbConnection connection, string table, IEnumerable<(string Name, string Type)> shape)
    {
        var existing = Columns(connection, table).Select(c => c.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, type) in shape.Where(c => !existing.Contains(c.Name)))
        {
            Execute(connection, $"ALTER TABLE {table} ADD COLUMN {Quote(name)} {type}");
        }
    }
}
