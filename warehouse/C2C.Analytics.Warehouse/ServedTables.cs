namespace C2C.Analytics.Warehouse;

/// <summary>
/// The finished tables of the warehouse, the ones its consumers read: dimensions, facts, bridges and marts. The
/// Parquet export and the SQL Server publisher serve exactly these, so Power BI finds the same tables in either.
/// </summary>
public static class ServedTables
{
    public static readonly IReadOnlyList<string> Prefixes = ["dim_", "fct_", "bridge_", "mart_"];

    /// <summary>True for a served table whose name is a plain lower-case identifier (safe in any dialect's SQL).</summary>
    public static bool IsServed(string tableName) =>
        Prefixes.Any(p => tableName.StartsWith(p, StringComparison.Ordinal))
        && tableName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_');
}
