using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Calendar;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// Builds dim_date and the calendar macros for the run: from one year before the earliest date the landed sources
/// hold to two years after the as-of date (or the configured range).
/// </summary>
internal static class CalendarStep
{
    public static long Build(DuckDbConnection connection, BusinessCalendar calendar, CalendarOptions options, DateOnly asOf)
    {
        var range = DimDateRange.FromOptions(options, DimDateRange.Default(EarliestSourceDate(connection), asOf));
        return new DimDateBuilder(calendar).Build(connection, range).Days;
    }

    /// <summary>The earliest ISO date in any tracker cell or opportunity's dates (the raw tables are loaded first).</summary>
    /// <remarks>
    /// A cell's value is JSON as DuckDB writes it, so a string holding YYYY-MM-DD is exactly those ten characters in
    /// double quotes (digits and '-' are never escaped): matched as text, which spares parsing every cell's JSON twice.
    /// </remarks>
    internal static DateOnly? EarliestSourceDate(DuckDbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT min(d) FROM (
                SELECT try_strptime(substr(cell_value, 2, 10), '%Y-%m-%d')::DATE AS d
                FROM (SELECT unnest(list_transform(cells, lambda c: c."value"::VARCHAR)) AS cell_value FROM raw_smartsheet__sheet_rows)
                WHERE length(cell_value) = 12 AND regexp_full_match(cell_value, '"\d{4}-\d{2}-\d{2}"')
                UNION ALL
                SELECT try_strptime(left(record->>'CreatedDate', 10), '%Y-%m-%d')::DATE
                FROM raw_salesforce__opportunities
            )
            WHERE d BETWEEN DATE '1900-01-01' AND DATE '9999-12-31'
            """;
        return command.ExecuteScalar() is DateOnly date ? date : null;
    }
}
