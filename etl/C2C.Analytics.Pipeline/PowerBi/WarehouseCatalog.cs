using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse;

namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>One column of a warehouse table, with DuckDB's name for its type (<c>DECIMAL(18,2)</c>, <c>DATE</c>, …).</summary>
public sealed record WarehouseColumn(string Name, string DuckDbType);

/// <summary>One table of the warehouse, its columns in their order.</summary>
public sealed record WarehouseTable(string Name, IReadOnlyList<WarehouseColumn> Columns);

/// <summary>The tables the Parquet export writes (<see cref="ServedTables.IsServed"/>), read from DuckDB's catalog.</summary>
public static class WarehouseCatalog
{
    public static IReadOnlyList<WarehouseTable> ReadExported(DuckDbConnection connection)
    {
        var columns = new List<(string Table, string Column, string Type)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT c.table_name, c.column_name, c.data_type
                FROM duckdb_columns() AS c
                JOIN duckdb_tables() AS t
                    ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name
                WHERE t.database_name = current_database() AND t.schema_name = 'main' AND NOT t.temporary
                ORDER BY c.table_name, c.column_index
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        return columns
            .Where(c => ServedTables.IsServed(c.Table))
            .GroupBy(c => c.Table, StringComparer.Ordinal)
            .Select(g => new WarehouseTable(g.Key, g.Select(c => new WarehouseColumn(c.Column, c.Type)).ToList()))
            .ToList();
    }
}
