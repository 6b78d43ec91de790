using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer.Load;

/// <summary>
/// The DuckDB queries the publisher reads the warehouse with. Table and column names are the catalog's, quoted; the
/// only value, a snapshot window's first date, is the parameter <c>$from</c>.
/// </summary>
public static class SourceQueries
{
    /// <summary>Every row of the table, or of a snapshot table from <c>$from</c> on, column for column as published.</summary>
    public static string Rows(TargetTable table, bool fromDate)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"{c.SourceExpression} AS {Identifiers.DuckDb(c.Name)}"));
        var sql = $"SELECT {columns} FROM {Identifiers.DuckDb(table.Name)}";
        return fromDate ? $"{sql} WHERE {Identifiers.DuckDb(RequireSnapshot(table))} >= $from" : sql;
    }

    /// <summary>Rows per date of a snapshot table (the date as a TIMESTAMP, which reads as a <see cref="DateTime"/>).</summary>
    public static string DateCounts(TargetTable table)
    {
        var date = Identifiers.DuckDb(RequireSnapshot(table));
        return $"SELECT CAST({date} AS TIMESTAMP) AS \"Day\", count(*) AS \"Rows\" FROM {Identifiers.DuckDb(table.Name)} GROUP BY {date}";
    }

    private static string RequireSnapshot(TargetTable table) =>
        table.SnapshotDateColumn ?? throw new InvalidOperationException($"{table.Name} is not a snapshot table.");
}
