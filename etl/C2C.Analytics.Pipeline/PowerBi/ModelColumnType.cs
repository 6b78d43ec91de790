using System.Globalization;
using System.Text.RegularExpressions;

namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>
/// How a warehouse column appears in the model: the TMDL data type, the Power Query type the partition casts it to, and
/// its format string. <see cref="IsDate"/> marks DuckDB DATE columns, which the model holds as dateTime at midnight.
/// </summary>
public sealed partial record ModelColumnType(string DataType, string PowerQueryType, string? FormatString, bool IsDate = false)
{
    private const string IdFormat = "0";
    private const string CountFormat = "#,0";

    /// <summary>
    /// The model type of a DuckDB column; null for the types Power BI cannot import (lists, structs, maps, blobs,
    /// intervals), which the model leaves out. An unknown type is an error, so that a new type is mapped on purpose.
    /// </summary>
    public static ModelColumnType? From(string table, string column, string duckDbType)
    {
        var type = duckDbType.Trim().ToUpperInvariant();
        if (type.EndsWith(']') || type.StartsWith("STRUCT", StringComparison.Ordinal) || type.StartsWith("MAP", StringComparison.Ordinal)
            || type.StartsWith("UNION", StringComparison.Ordinal) || type is "BLOB" or "BIT" or "INTERVAL")
        {
            return null;
        }

        if (type.StartsWith("DECIMAL", StringComparison.Ordinal))
        {
            // Power BI's fixed decimal keeps four decimal places; a finer scale would be rounded, so it is a double.
            var scale = DecimalScale().Match(type) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 3;
            return scale <= 4
                ? new ModelColumnType("decimal", "Currency.Type", scale == 0 ? CountFormat : "#,0.00")
                : new ModelColumnType("double", "type number", "#,0.0000");
        }

        if (type.StartsWith("ENUM", StringComparison.Ordinal))
        {
            return new ModelColumnType("string", "type text", null);
        }

        return type switch
        {
            "VARCHAR" or "UUID" => new ModelColumnType("string", "type text", null),
            "BOOLEAN" => new ModelColumnType("boolean", "type logical", null),
            "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "UTINYINT" or "USMALLINT" or "UINTEGER"
                => new ModelColumnType("int64", "Int64.Type", IsIdentifierLike(column) ? IdFormat : CountFormat),
            "UBIGINT" or "HUGEINT" or "UHUGEINT" => new ModelColumnType("double", "type number", CountFormat),
            "FLOAT" or "DOUBLE" => new ModelColumnType("double", "type number", "#,0.0"),
            "DATE" => new ModelColumnType("dateTime", "type date", "yyyy-mm-dd", IsDate: true),
            "TIMESTAMP" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" => new ModelColumnType("dateTime", "type datetime", "yyyy-mm-dd hh:nn:ss"),
            "TIMESTAMP WITH TIME ZONE" => new ModelColumnType("dateTime", "type datetimezone", "yyyy-mm-dd hh:nn:ss"),
            "TIME" => new ModelColumnType("dateTime", "type time", "hh:nn:ss"),
            _ => throw new PowerBiModelException(
                $"{table}.{column}: the DuckDB type {duckDbType} has no Power BI type; map it in {nameof(ModelColumnType)} (or cast the column in its model)."),
        };
    }

    /// <summary>Keys, years, orders and ranks read as plain numbers, not as quantities with a thousands separator.</summary>
    private static bool IsIdentifierLike(string column) =>
        column.EndsWith("_key", StringComparison.Ordinal) || column.EndsWith("_id", StringComparison.Ordinal)
        || column.EndsWith("_order", StringComparison.Ordinal) || column.EndsWith("_priority", StringComparison.Ordinal)
        || column.EndsWith("_rank", StringComparison.Ordinal) || column.EndsWith("_index", StringComparison.Ordinal)
        || column is "year" or "iso_year" or "fiscal_year" or "quarter" or "fiscal_quarter" or "month" or "iso_week" or "day_of_week";

    [GeneratedRegex(@"^DECIMAL\(\s*\d+\s*,\s*(\d+)\s*\)$")]
    private static partial Regex DecimalScale();
}
