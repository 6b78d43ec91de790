namespace C2C.Analytics.SqlServer.Catalog;

/// <summary>One served table of the DuckDB warehouse, as its catalog and its model declare it.</summary>
/// <param name="Name">The table name (a plain lower-case identifier: see <c>ServedTables</c>).</param>
/// <param name="Columns">The columns in table order.</param>
/// <param name="PrimaryKey">The key columns (DDL <c>PRIMARY KEY</c> or the model's <c>-- primary key:</c>); may be empty.</param>
/// <param name="Rows">The row count when the catalog was read.</param>
/// <param name="DeclaredIn">Where the declarations come from, for messages: the model file, or "the table's DDL".</param>
public sealed record WarehouseTable(string Name, IReadOnlyList<WarehouseColumn> Columns, IReadOnlyList<string> PrimaryKey, long Rows, string DeclaredIn)
{
    public WarehouseColumn? Find(string column) => Columns.FirstOrDefault(c => string.Equals(c.Name, column, StringComparison.Ordinal));
}

/// <summary>One column of a warehouse table.</summary>
/// <param name="Name">The column name as DuckDB has it.</param>
/// <param name="DataType">DuckDB's type name (<c>duckdb_columns().data_type</c>), e.g. <c>DECIMAL(18,2)</c>, <c>VARCHAR[]</c>.</param>
/// <param name="Precision">For DECIMAL, the width.</param>
/// <param name="Scale">For DECIMAL, the scale.</param>
/// <param name="IsNullable">False when the table declares NOT NULL (or the column is in the key).</param>
/// <param name="MaxLength">The declared maximum length of a text column in characters (a <c>CHECK (length(c) &lt;= n)</c> or the model's <c>-- max length:</c>); null when undeclared.</param>
public sealed record WarehouseColumn(string Name, string DataType, int? Precision, int? Scale, bool IsNullable, int? MaxLength);
