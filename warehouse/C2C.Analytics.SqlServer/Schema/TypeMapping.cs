using C2C.Analytics.SqlServer.Catalog;

namespace C2C.Analytics.SqlServer.Schema;

/// <summary>How one warehouse column is published: its SQL Server type, the DuckDB expression that reads it, and the value conversion.</summary>
/// <param name="Type">The SQL Server column type.</param>
/// <param name="SourceExpression">The DuckDB expression selecting the column (a quoted name, or a cast of it).</param>
/// <param name="Conversion">What the bulk copy source does to each value.</param>
public sealed record ColumnMapping(SqlServerType Type, string SourceExpression, ValueConversion Conversion = ValueConversion.None);

/// <summary>
/// DuckDB → SQL Server types. Each DuckDB type maps to the SQL Server type that holds all of its values: DECIMAL(p,s)
/// stays DECIMAL(p,s); text is NVARCHAR sized by its declared maximum length (NVARCHAR(MAX) when none is declared or
/// it is over 4,000); unsigned and 128-bit integers widen to the next type that holds them. DuckDB types SQL Server has
/// no counterpart for (LIST, STRUCT, MAP, UNION, ARRAY, INTERVAL, BIT, TIME WITH TIME ZONE, VARINT) are published as
/// their DuckDB text form in NVARCHAR(MAX).
/// </summary>
public static class TypeMapping
{
    public static ColumnMapping Map(string table, WarehouseColumn column)
    {
        var name = Identifiers.DuckDb(column.Name);
        string Cast(string duckDbType) => $"CAST({name} AS {duckDbType})";
        var type = column.DataType.Trim().ToUpperInvariant();
        return type switch
        {
            "BOOLEAN" => new(SqlServerType.Bit, name),
            // SQL Server's TINYINT is unsigned (0..255); DuckDB's is signed.
            "TINYINT" => new(SqlServerType.SmallInt, Cast("SMALLINT")),
            "SMALLINT" => new(SqlServerType.SmallInt, name),
            "INTEGER" => new(SqlServerType.Int, name),
            "BIGINT" => new(SqlServerType.BigInt, name),
            "UTINYINT" => new(SqlServerType.TinyInt, name),
            "USMALLINT" => new(SqlServerType.Int, Cast("INTEGER")),
            "UINTEGER" => new(SqlServerType.BigInt, Cast("BIGINT")),
            "UBIGINT" => new(SqlServerType.Decimal(20, 0), Cast("DECIMAL(20,0)")),
            // sum() of integers is a HUGEINT in DuckDB; DECIMAL(38,0) is SQL Server's widest exact number.
            "HUGEINT" or "UHUGEINT" => new(SqlServerType.Decimal(38, 0), Cast("DECIMAL(38,0)")),
            "FLOAT" => new(SqlServerType.Real, name),
            "DOUBLE" => new(SqlServerType.Float, name),
            "VARCHAR" => new(SqlServerType.NVarChar(column.MaxLength), name),
            "BLOB" => new(SqlServerType.VarBinaryMax, name),
            "DATE" => new(SqlServerType.Date, name, ValueConversion.DateOnlyToDateTime),
            "TIME" => new(SqlServerType.Time(6), name, ValueConversion.TimeOnlyToTimeSpan),
            "TIMESTAMP" => new(SqlServerType.DateTime2(6), name),
            "TIMESTAMP_S" => new(SqlServerType.DateTime2(0), name),
            "TIMESTAMP_MS" => new(SqlServerType.DateTime2(3), name),
            // SQL Server's finest is 100 ns: nanoseconds are truncated to it.
            "TIMESTAMP_NS" => new(SqlServerType.DateTime2(7), name),
            "TIMESTAMP WITH TIME ZONE" => new(SqlServerType.DateTimeOffset(6), name, ValueConversion.UtcDateTimeToOffset),
            "UUID" => new(SqlServerType.UniqueIdentifier, name),
            "INTERVAL" or "BIT" or "TIME WITH TIME ZONE" or "VARINT" or "BIGNUM" => new(SqlServerType.NVarCharMax, Cast("VARCHAR")),
            _ when type.StartsWith("DECIMAL", StringComparison.Ordinal) && column is { Precision: { } p, Scale: { } s } =>
                new(SqlServerType.Decimal(p, s), name),
            _ when type.StartsWith("ENUM(", StringComparison.Ordinal) => new(SqlServerType.NVarChar(column.MaxLength), Cast("VARCHAR")),
            _ when IsNested(type) => new(SqlServerType.NVarCharMax, Cast("VARCHAR")),
            _ => throw new WarehouseCatalogException(
                $"{table}.{column.Name} has DuckDB type {column.DataType}, which the publisher has no SQL Server type for; cast it in its model."),
        };
    }

    private static bool IsNested(string type) =>
        type.EndsWith(']') || type.StartsWith("STRUCT(", StringComparison.Ordinal) || type.StartsWith("MAP(", StringComparison.Ordinal)
        || type.StartsWith("UNION(", StringComparison.Ordinal);
}
