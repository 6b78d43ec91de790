namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>
/// The naming conventions of the warehouse (STYLE: <c>_id</c> keys, <c>is_</c> flags, <c>_on</c> dates, <c>_bd</c> business
/// days, <c>X</c> sorted by <c>X_order</c>) turned into model properties, so that a new column gets the right ones without
/// anyone writing them.
/// </summary>
public static class ColumnConventions
{
    /// <summary>Business identifiers people look up; every other <c>_id</c> is a key or a hash and is hidden.</summary>
    private static readonly string[] VisibleIdentifiers = ["deal_id", "opportunity_id", "record_id"];

    /// <summary>The column whose values sort <paramref name="column"/>, when the table has one.</summary>
    public static string? SortByColumn(string column, IReadOnlyCollection<string> tableColumns)
    {
        string? candidate = column switch
        {
            "month_name" => "month",
            "day_name" => "day_of_week",
            "stage_key" or "stage_name" => "stage_order",
            "action" => "action_priority",
            _ => column + "_order",
        };
        return tableColumns.Contains(candidate) ? candidate : null;
    }

    /// <summary>Keys and hashes (<c>_id</c>, <c>_key</c>) and the <c>_order</c> columns that only sort another column.</summary>
    public static bool IsHidden(string column, IReadOnlyCollection<string> tableColumns)
    {
        if ((column.EndsWith("_id", StringComparison.Ordinal) || column.EndsWith("_key", StringComparison.Ordinal))
            && !VisibleIdentifiers.Contains(column, StringComparer.Ordinal))
        {
            return true;
        }

        return column.EndsWith("_order", StringComparison.Ordinal)
            && tableColumns.Any(other => other != column && SortByColumn(other, tableColumns) == column);
    }

    /// <summary>The folder a visible column is shown in; null for the table's main attributes.</summary>
    public static string? DisplayFolder(string column, ModelColumnType type)
    {
        if (column.StartsWith("source_", StringComparison.Ordinal) || column is "system_modstamp" or "last_modified_at" or "is_deleted")
        {
            return "Lineage";
        }

        if (type.DataType == "dateTime")
        {
            return "Dates";
        }

        if (type.DataType == "boolean")
        {
            return "Flags";
        }

        if (column.EndsWith("_bd", StringComparison.Ordinal) || column.Contains("_bd_", StringComparison.Ordinal))
        {
            return "Business days";
        }

        return type.DataType == "decimal" || column.EndsWith("_reporting", StringComparison.Ordinal) ? "Amounts" : null;
    }
}
