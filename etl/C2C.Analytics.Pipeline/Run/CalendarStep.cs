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
    internal static DateOnly? EarliestSourceDate(DuckDbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT min(d) FROM (
                SELECT try_strptime(c."value"->>'$', '%Y-%m-%d')::DATE AS d
                FROM raw_smartsheet__sheet_pages AS p, unnest(p.rows) AS r(row), unnest(row.cells) AS t(c)
                WHERE json_type(c."value") = 'VARCHAR' AND regexp_full_match(c."value"->>'$', '\d{4}-\d{2}-\d{2}')
                UNION ALL
                SELECT try_strptime(left(rec->>'CreatedDate', 10), '%Y-%m-%d')::DATE
                FROM raw_salesforce__opportunity_pages AS p, unnest(p.records) AS t(rec)
            )
            WHERE d BETWEEN DATE '1900-01-01' AND DATE '9999-12-31'
            """;
        return command.ExecuteScalar() is DateOnly date ? date : null;
    }
}
