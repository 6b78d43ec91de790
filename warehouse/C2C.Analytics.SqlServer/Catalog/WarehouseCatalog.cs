using System.Globalization;
using System.Text.RegularExpressions;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse;
using C2C.Analytics.Warehouse.Models;
using Dapper;

namespace C2C.Analytics.SqlServer.Catalog;

/// <summary>
/// Reads the served tables of a DuckDB warehouse from its own catalog (<c>duckdb_tables()</c>, <c>duckdb_columns()</c>,
/// <c>duckdb_constraints()</c>), with the keys and text lengths their models declare in their headers. A declaration
/// in a table's DDL (dim_date's <c>PRIMARY KEY</c>, a <c>CHECK (length(c) &lt;= n)</c>) wins over a model header.
/// This is the publisher's allow-list: no table or column reaches SQL Server that is not read here.
/// </summary>
public static partial class WarehouseCatalog
{
    private const string TablesSql = """
        SELECT table_name AS Name
        FROM duckdb_tables()
        WHERE database_name = current_database() AND schema_name = 'main' AND NOT temporary
        ORDER BY table_name
        """;

    private const string ColumnsSql = """
        SELECT table_name AS TableName, column_name AS Name, data_type AS DataType,
               numeric_precision AS NumericPrecision, numeric_scale AS NumericScale, is_nullable AS IsNullable
        FROM duckdb_columns()
        WHERE database_name = current_database() AND schema_name = 'main'
        ORDER BY table_name, column_index
        """;

    // The column lists are unnested so that the provider reads plain VARCHARs; position keeps the key's order.
    private const string ConstraintsSql = """
        SELECT table_name AS TableName, constraint_type AS ConstraintType, constraint_index AS ConstraintIndex,
               expression AS Expression,
               unnest(constraint_column_names) AS ColumnName,
               unnest(generate_series(1, len(constraint_column_names))) AS Position
        FROM duckdb_constraints()
        WHERE database_name = current_database() AND schema_name = 'main'
          AND constraint_type IN ('PRIMARY KEY', 'CHECK')
        ORDER BY table_name, constraint_index, Position
        """;

    /// <summary>Every served table, with its row count.</summary>
    /// <param name="connection">An open connection to the warehouse.</param>
    /// <param name="models">The model catalog whose headers declare keys and lengths; null to use the DDL alone.</param>
    public static IReadOnlyList<WarehouseTable> Read(DuckDbConnection connection, ModelCatalog? models)
    {
        var names = connection.Query<string>(TablesSql).Where(ServedTables.IsServed).ToList();
        var columns = connection.Query<ColumnRow>(ColumnsSql).ToLookup(c => c.TableName, StringComparer.Ordinal);
        var constraints = connection.Query<ConstraintRow>(ConstraintsSql).ToLookup(c => c.TableName, StringComparer.Ordinal);
        var tables = new List<WarehouseTable>(names.Count);
        foreach (var name in names)
        {
            var rows = connection.ExecuteScalar<long>($"SELECT count(*) FROM {Identifiers.DuckDb(name)}");
            tables.Add(Describe(name, columns[name].ToList(), constraints[name].ToList(), models?.Find(name), rows));
        }

        return tables;
    }

    private static WarehouseTable Describe(string name, List<ColumnRow> columns, List<ConstraintRow> constraints, SqlModel? model, long rows)
    {
        var declaredIn = model is null ? "the DDL of " + name : "warehouse/models/" + model.RelativePath;
        var ddlKey = constraints.Where(c => c.ConstraintType == "PRIMARY KEY").OrderBy(c => c.Position).Select(c => c.ColumnName).ToList();
        var key = ddlKey.Count > 0 ? ddlKey : model?.PrimaryKey.ToList() ?? [];
        var lengths = new Dictionary<string, int>(model?.MaxLengths ?? new Dictionary<string, int>(), StringComparer.Ordinal);
        foreach (var check in constraints.Where(c => c.ConstraintType == "CHECK"))
        {
            if (LengthCheck(check.Expression) is { } limit && string.Equals(limit.Column, check.ColumnName, StringComparison.Ordinal))
            {
                lengths[limit.Column] = limit.Length;
            }
        }

        var known = columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var column in key.Where(k => !known.Contains(k)))
        {
            throw new WarehouseCatalogException($"{declaredIn}: the primary key names column '{column}', which {name} does not have.");
        }

        foreach (var column in lengths.Keys.Where(k => !known.Contains(k)))
        {
            throw new WarehouseCatalogException($"{declaredIn}: a max length is declared for column '{column}', which {name} does not have.");
        }

        var described = columns.Select(c => new WarehouseColumn(
            c.Name,
            c.DataType,
            c.NumericPrecision,
            c.NumericScale,
            c.IsNullable && !key.Contains(c.Name),
            lengths.TryGetValue(c.Name, out var length) ? length : null)).ToList();
        foreach (var column in described.Where(c => c.MaxLength is not null && c.DataType != "VARCHAR"))
        {
            throw new WarehouseCatalogException($"{declaredIn}: a max length is declared for {name}.{column.Name}, which is {column.DataType}, not text.");
        }

        return new WarehouseTable(name, described, key, rows, declaredIn);
    }

    /// <summary>The column and limit of a DuckDB CHECK expression such as <c>(length(deal_id) &lt;= 18)</c>; null for any other check.</summary>
    internal static (string Column, int Length)? LengthCheck(string? expression)
    {
        if (expression is null || LengthCheckPattern().Match(expression.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var column = match.Groups["column"].Value;
        if (column.StartsWith('"'))
        {
            column = column[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal);
        }

        var limit = int.Parse(match.Groups["limit"].Value, CultureInfo.InvariantCulture);
        var length = match.Groups["op"].Value == "<" ? limit - 1 : limit;
        return length > 0 ? (column, length) : null;
    }

    [GeneratedRegex("""^\(?\s*(?:length|char_length|character_length|len)\((?<column>"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_]*)\)\s*(?<op><=|<)\s*(?<limit>\d{1,9})\s*\)?$""")]
    private static partial Regex LengthCheckPattern();

    private sealed class ColumnRow
    {
        public string TableName { get; set; } = "";

        public string Name { get; set; } = "";

        public string DataType { get; set; } = "";

        public int? NumericPrecision { get; set; }

        public int? NumericScale { get; set; }

        public bool IsNullable { get; set; }
    }

    private sealed class ConstraintRow
    {
        public string TableName { get; set; } = "";

        public string ConstraintType { get; set; } = "";

        public long ConstraintIndex { get; set; }

        public string? Expression { get; set; }

        public string ColumnName { get; set; } = "";

        public long Position { get; set; }
    }
}
