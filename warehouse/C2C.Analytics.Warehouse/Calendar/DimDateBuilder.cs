using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Warehouse.Calendar;

/// <summary>What <see cref="DimDateBuilder.Build"/> wrote.</summary>
/// <param name="Range">The days of <c>dim_date</c>.</param>
/// <param name="BusinessDays">Business days in the range.</param>
/// <param name="Holidays">Days in the range that are holidays (on a weekend day or not).</param>
/// <param name="Elapsed">Time the build took.</param>
public sealed record DimDateBuildResult(DimDateRange Range, int BusinessDays, int Holidays, TimeSpan Elapsed)
{
    /// <summary>Days in the range.</summary>
    public int Days => Range.Days;
}

/// <summary>
/// Builds the business calendar into a DuckDB warehouse: the table <c>dim_date</c> (one row per day of a range, with
/// the calendar's facts), the one-row table <c>dim_date_lookup</c> the macros read, the one-row table
/// <c>calendar_info</c> recording which calendar built them, and the macros <c>business_day_index</c>,
/// <c>business_days_between</c>, <c>networkdays</c> and <c>workday</c> (<see cref="CalendarMacros"/>).
/// </summary>
/// <remarks>
/// Each build replaces all of them (<c>CREATE OR REPLACE</c>). The builder opens no transaction of its own: it runs in
/// the caller's when there is one (the pipeline's run transaction, the CLI's), so a failed build leaves the previous
/// calendar in place; called outside a transaction, each statement commits on its own.
/// </remarks>
public sealed class DimDateBuilder
{
    /// <summary>The date dimension.</summary>
    public const string Table = "dim_date";

    /// <summary>The one-row table of lists the macros read.</summary>
    public const string LookupTable = "dim_date_lookup";

    /// <summary>The one-row table describing the calendar that built <see cref="Table"/>.</summary>
    public const string InfoTable = "calendar_info";

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    private readonly BusinessCalendar _calendar;

    public DimDateBuilder(BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        _calendar = calendar;
    }

    /// <summary>The version of the code that builds the calendar, recorded in <c>calendar_info</c>.</summary>
    public static string BuilderVersion
    {
        get
        {
            var assembly = typeof(DimDateBuilder).Assembly;
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
            var plus = version.IndexOf('+', StringComparison.Ordinal);
            return "C2C.Analytics " + (plus < 0 ? version : version[..plus]);
        }
    }

    /// <summary>Builds or replaces <c>dim_date</c>, its lookup, <c>calendar_info</c> and the macros for <paramref name="range"/>.</summary>
    /// <exception cref="DuckDbException">DuckDB refused a statement (for example, the database is read-only).</exception>
    public DimDateBuildResult Build(DuckDbConnection connection, DimDateRange range)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (range.From < BusinessCalendar.MinDate)
        {
            throw new ArgumentException("The range is empty (default).", nameof(range));
        }

        var watch = Stopwatch.StartNew();
        Execute(connection, CreateTableSql);
        var (businessDays, holidays) = AppendDays(connection, range);
        Execute(connection, CreateLookupSql);
        WriteInfo(connection, range, businessDays, holidays);
        foreach (var statement in CalendarMacros.CreateStatements(range).Concat(CalendarMacros.CommentStatements()))
        {
            Execute(connection, statement);
        }

        return new DimDateBuildResult(range, businessDays, holidays, watch.Elapsed);
    }

    /// <summary>The range of the <c>dim_date</c> in <paramref name="connection"/>, or null when there is none.</summary>
    public static DimDateRange? ExistingRange(DuckDbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM duckdb_tables() WHERE schema_name = current_schema() AND table_name = $name";
        command.Parameters.Add("name", Table);
        if (Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            return null;
        }

        command.Parameters.Clear();
        command.CommandText = $"SELECT min(date), max(date) FROM {Table}";
        using var reader = command.ExecuteReader();
        return reader.Read() && !reader.IsDBNull(0)
            ? new DimDateRange(reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1))
            : null;
    }

    private const string CreateTableSql = $"""
        CREATE OR REPLACE TABLE {Table} (
            date_key           INTEGER NOT NULL PRIMARY KEY,
            date               DATE    NOT NULL UNIQUE,
            year               INTEGER NOT NULL,
            quarter            INTEGER NOT NULL,
            month              INTEGER NOT NULL,
            month_name         VARCHAR NOT NULL,
            iso_week           INTEGER NOT NULL,
            iso_year           INTEGER NOT NULL,
            day_of_week        INTEGER NOT NULL,
            day_name           VARCHAR NOT NULL,
            fiscal_year        INTEGER NOT NULL,
            fiscal_quarter     INTEGER NOT NULL,
            is_weekend         BOOLEAN NOT NULL,
            is_holiday         BOOLEAN NOT NULL,
            holiday_name       VARCHAR,
            is_business_day    BOOLEAN NOT NULL,
            business_day_index INTEGER NOT NULL
        )
        """;

    // day_index: element 1 stands for the day before the range (index 0), element k + 2 for the range's k-th day.
    private const string CreateLookupSql = $"""
        CREATE OR REPLACE TABLE {LookupTable} AS
        SELECT min(date) AS first_date,
               max(date) AS last_date,
               [0] || list(business_day_index ORDER BY date) AS day_index,
               coalesce(list(date ORDER BY date) FILTER (WHERE is_business_day), []::DATE[]) AS business_days
        FROM {Table}
        """;

    private const string CreateInfoSql = $"""
        CREATE OR REPLACE TABLE {InfoTable} (
            weekend_days            VARCHAR NOT NULL,
            holiday_sets            VARCHAR NOT NULL,
            holiday_file            VARCHAR,
            holiday_file_sha256     VARCHAR,
            fiscal_year_start_month INTEGER NOT NULL,
            range_start             DATE    NOT NULL,
            range_end               DATE    NOT NULL,
            days                    INTEGER NOT NULL,
            business_days           INTEGER NOT NULL,
            holidays                INTEGER NOT NULL,
            builder                 VARCHAR NOT NULL
        );
        INSERT INTO {InfoTable} VALUES ($weekend_days, $holiday_sets, $holiday_file, $holiday_file_sha256,
            $fiscal_year_start_month, $range_start, $range_end, $days, $business_days, $holidays, $builder)
        """;

    private (int BusinessDays, int Holidays) AppendDays(DuckDbConnection connection, DimDateRange range)
    {
        var businessDays = 0;
        var holidays = 0;
        using var appender = connection.CreateAppender(Table);
        foreach (var day in _calendar.Days(range.From, range.To))
        {
            var date = day.Date;
            var dateTime = date.ToDateTime(TimeOnly.MinValue);
            var isoDayOfWeek = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
            appender.CreateRow()
                .AppendValue((date.Year * 10_000) + (date.Month * 100) + date.Day)
                .AppendValue(date)
                .AppendValue(date.Year)
                .AppendValue(((date.Month - 1) / 3) + 1)
                .AppendValue(date.Month)
                .AppendValue(MonthNames[date.Month - 1])
                .AppendValue(ISOWeek.GetWeekOfYear(dateTime))
                .AppendValue(ISOWeek.GetYear(dateTime))
                .AppendValue(isoDayOfWeek)
                .AppendValue(date.DayOfWeek.ToString())
                .AppendValue(day.FiscalYear)
                .AppendValue(day.FiscalQuarter)
                .AppendValue(day.IsWeekend)
                .AppendValue(day.IsHoliday)
                .AppendValue(day.HolidayName)
                .AppendValue(day.IsBusinessDay)
                .AppendValue(day.BusinessDayIndex)
                .EndRow();
            businessDays = day.BusinessDayIndex;
            holidays += day.IsHoliday ? 1 : 0;
        }

        appender.Close();
        return (businessDays, holidays);
    }

    private void WriteInfo(DuckDbConnection connection, DimDateRange range, int businessDays, int holidays)
    {
        var weekend = _calendar.WeekendDays
            .OrderBy(d => d == DayOfWeek.Sunday ? 7 : (int)d)
            .Select(d => d.ToString());
        var sets = _calendar.HolidaySets.Count == 0
            ? CalendarOptions.NoHolidaySets
            : string.Join(", ", _calendar.HolidaySets.Select(s => s.Name));
        var file = _calendar.HolidayFile;

        using var command = connection.CreateCommand();
        command.CommandText = CreateInfoSql;
        command.Parameters.Add("weekend_days", string.Join(", ", weekend));
        command.Parameters.Add("holiday_sets", sets);
        command.Parameters.Add("holiday_file", file is null ? null : Path.GetFileName(file.Path));
        command.Parameters.Add("holiday_file_sha256", file?.Sha256);
        command.Parameters.Add("fiscal_year_start_month", _calendar.FiscalYearStartMonth);
        command.Parameters.Add("range_start", range.From);
        command.Parameters.Add("range_end", range.To);
        command.Parameters.Add("days", range.Days);
        command.Parameters.Add("business_days", businessDays);
        command.Parameters.Add("holidays", holidays);
        command.Parameters.Add("builder", BuilderVersion);
        command.ExecuteNonQuery();
    }

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
