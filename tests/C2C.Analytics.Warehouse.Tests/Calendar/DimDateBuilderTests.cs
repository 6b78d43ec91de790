using System.Security.Cryptography;
using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Calendar;
using Dapper;

namespace C2C.Analytics.Warehouse.Tests.Calendar;

public sealed class DimDateBuilderTests
{
    private static readonly DimDateRange Range2020To2030 = new(new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31));

    public sealed record DimDateRow(
        int DateKey, DateOnly Date, int Year, int Quarter, int Month, string MonthName, int IsoWeek, int IsoYear,
        int DayOfWeek, string DayName, int FiscalYear, int FiscalQuarter, bool IsWeekend, bool IsHoliday,
        string? HolidayName, bool IsBusinessDay, int BusinessDayIndex);

    public sealed record CalendarInfoRow(
        string WeekendDays, string HolidaySets, string? HolidayFile, string? HolidayFileSha256, int FiscalYearStartMonth,
        DateOnly RangeStart, DateOnly RangeEnd, int Days, int BusinessDays, int Holidays, string Builder);

    [Fact]
    public void Christmas_2026_row_holds_the_hand_checked_values()
    {
        using var warehouse = CalendarWarehouse.UsFederal(); // fiscal year from October

        var row = Row(warehouse, "2026-12-25");

        Assert.Equal(
            new DimDateRow(
                20261225, new DateOnly(2026, 12, 25), 2026, 4, 12, "December", 52, 2026, 5, "Friday",
                FiscalYear: 2027, FiscalQuarter: 1, IsWeekend: false, IsHoliday: true, "Christmas Day", IsBusinessDay: false,
                BusinessDayIndex: warehouse.Calendar.BusinessDaysBetween(new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 25))),
            row);
    }

    [Theory]
    // 1 January 2027 (a Friday, New Year's Day) is in ISO week 53 of 2026; 30 December 2024 (a Monday) in week 1 of 2025.
    [InlineData("2027-01-01", 53, 2026, 5, "Friday", true, "New Year's Day", false)]
    [InlineData("2024-12-30", 1, 2025, 1, "Monday", false, null, true)]
    // Independence Day 2026 is a Saturday: the observed Friday is the holiday; the Saturday is only a weekend day.
    [InlineData("2026-07-03", 27, 2026, 5, "Friday", true, "Independence Day (observed)", false)]
    [InlineData("2026-07-04", 27, 2026, 6, "Saturday", false, null, false)]
    [InlineData("2026-07-05", 27, 2026, 7, "Sunday", false, null, false)]
    [InlineData("2026-11-26", 48, 2026, 4, "Thursday", true, "Thanksgiving Day", false)]
    [InlineData("2026-11-27", 48, 2026, 5, "Friday", false, null, true)]
    public void Iso_week_day_of_week_and_holidays(
        string date, int isoWeek, int isoYear, int dayOfWeek, string dayName, bool isHoliday, string? holidayName, bool isBusinessDay)
    {
        using var warehouse = CalendarWarehouse.UsFederal();

        var row = Row(warehouse, date);

        Assert.Equal((isoWeek, isoYear, dayOfWeek, dayName), (row.IsoWeek, row.IsoYear, row.DayOfWeek, row.DayName));
        Assert.Equal((isHoliday, holidayName, isBusinessDay), (row.IsHoliday, row.HolidayName, row.IsBusinessDay));
        Assert.Equal(dayOfWeek >= 6, row.IsWeekend);
    }

    [Theory]
    [InlineData("2026-09-30", 2026, 4)]
    [InlineData("2026-10-01", 2027, 1)]
    [InlineData("2027-01-15", 2027, 2)]
    [InlineData("2027-04-01", 2027, 3)]
    [InlineData("2027-07-01", 2027, 4)]
    public void Fiscal_year_starting_in_october_is_named_after_the_year_it_ends_in(string date, int fiscalYear, int fiscalQuarter)
    {
        using var warehouse = CalendarWarehouse.UsFederal();

        var row = Row(warehouse, date);

        Assert.Equal((fiscalYear, fiscalQuarter), (row.FiscalYear, row.FiscalQuarter));
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Every_row_equals_the_csharp_calendar_and_duckdbs_own_date_functions(string name)
    {
        using var warehouse = Configuration(name);

        var rows = warehouse.Connection.Query<DimDateRow>($"SELECT {Columns} FROM dim_date ORDER BY date").ToList();
        var days = warehouse.Calendar.Days(warehouse.Range.From, warehouse.Range.To).ToList();

        Assert.Equal(days.Count, rows.Count);
        for (var i = 0; i < days.Count; i++)
        {
            var (day, row) = (days[i], rows[i]);
            Assert.Equal(
                (day.Date, day.IsWeekend, day.IsHoliday, day.HolidayName, day.IsBusinessDay, day.BusinessDayIndex, day.FiscalYear, day.FiscalQuarter),
                (row.Date, row.IsWeekend, row.IsHoliday, row.HolidayName, row.IsBusinessDay, row.BusinessDayIndex, row.FiscalYear, row.FiscalQuarter));
        }

        // The calendar columns computed in C# against DuckDB's functions, on every row.
        var mismatches = warehouse.Connection.ExecuteScalar<long>("""
            SELECT count(*) FROM dim_date
            WHERE date_key <> CAST(strftime(date, '%Y%m%d') AS INTEGER)
               OR year <> year(date) OR quarter <> quarter(date) OR month <> month(date)
               OR month_name <> monthname(date) OR iso_week <> week(date) OR iso_year <> isoyear(date)
               OR day_of_week <> isodow(date) OR day_name <> dayname(date)
               OR is_holiday <> (holiday_name IS NOT NULL)
               OR is_business_day <> (NOT is_weekend AND NOT is_holiday)
            """);
        Assert.Equal(0, mismatches);
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Business_day_index_is_the_running_count_of_business_days_and_never_falls(string name)
    {
        using var warehouse = Configuration(name);

        var result = warehouse.Connection.QuerySingle<(long NotRunningCount, long Steps, long Days, long Distinct, long Span)>("""
            SELECT count(*) FILTER (WHERE business_day_index <> running),
                   count(*) FILTER (WHERE business_day_index - previous NOT IN (0, 1)),
                   count(*), count(DISTINCT date), max(date) - min(date) + 1
            FROM (SELECT date, business_day_index,
                         sum(CAST(is_business_day AS INTEGER)) OVER (ORDER BY date) AS running,
                         lag(business_day_index, 1, 0) OVER (ORDER BY date) AS previous
                  FROM dim_date)
            """);

        Assert.Equal(0, result.NotRunningCount);
        Assert.Equal(0, result.Steps);
        Assert.Equal(warehouse.Range.Days, result.Days); // one row per day, none missing, none twice
        Assert.Equal(result.Days, result.Distinct);
        Assert.Equal(result.Days, result.Span);
        Assert.Equal(
            warehouse.Result.BusinessDays,
            warehouse.Connection.ExecuteScalar<int>("SELECT count(*) FILTER (WHERE is_business_day) FROM dim_date"));
    }

    [Fact]
    public void Calendar_info_records_the_configuration_and_the_holiday_files_hash()
    {
        var file = Path.Combine(Path.GetTempPath(), $"c2c-holidays-{Guid.NewGuid():N}.csv");
        File.WriteAllText(file, "date,name,action\n2026-12-28,Year-end shutdown\n2026-10-12,Columbus Day worked,remove\n");
        try
        {
            var calendar = BusinessCalendar.FromOptions(new CalendarOptions
            {
                WeekendDays = [DayOfWeek.Sunday, DayOfWeek.Saturday],
                HolidaySets = ["england-wales", "us-federal"],
                HolidayFile = file,
                FiscalYearStartMonth = 7,
            });
            using var warehouse = new CalendarWarehouse(calendar, Range2020To2030);

            var info = warehouse.Connection.QuerySingle<CalendarInfoRow>("""
                SELECT weekend_days AS WeekendDays, holiday_sets AS HolidaySets, holiday_file AS HolidayFile,
                       holiday_file_sha256 AS HolidayFileSha256, fiscal_year_start_month AS FiscalYearStartMonth,
                       range_start AS RangeStart, range_end AS RangeEnd, days AS Days, business_days AS BusinessDays,
                       holidays AS Holidays, builder AS Builder
                FROM calendar_info
                """);

            Assert.Equal("Saturday, Sunday", info.WeekendDays);
            Assert.Equal("england-wales, us-federal", info.HolidaySets);
            Assert.Equal(Path.GetFileName(file), info.HolidayFile);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), info.HolidayFileSha256);
            Assert.Equal(7, info.FiscalYearStartMonth);
            Assert.Equal((Range2020To2030.From, Range2020To2030.To, 4018), (info.RangeStart, info.RangeEnd, info.Days));
            Assert.Equal(warehouse.Result.BusinessDays, info.BusinessDays);
            Assert.Equal(warehouse.Result.Holidays, info.Holidays);
            Assert.StartsWith("C2C.Analytics ", info.Builder, StringComparison.Ordinal);
            Assert.Equal(64, info.HolidayFileSha256!.Length);
            Assert.Equal(1L, warehouse.Connection.ExecuteScalar<long>("SELECT count(*) FROM calendar_info"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Calendar_info_without_holiday_sets_or_file()
    {
        using var warehouse = new CalendarWarehouse(new BusinessCalendar([DayOfWeek.Friday, DayOfWeek.Saturday], []), Range2020To2030);

        var info = warehouse.Connection.QuerySingle<(string Weekend, string Sets, string? File, string? Sha)>(
            "SELECT weekend_days, holiday_sets, holiday_file, holiday_file_sha256 FROM calendar_info");

        Assert.Equal(("Friday, Saturday", "none", (string?)null, (string?)null), info);
    }

    [Fact]
    public void The_build_runs_in_the_callers_transaction_and_a_rollback_keeps_the_previous_calendar()
    {
        using var warehouse = CalendarWarehouse.UsFederal();
        var builder = new DimDateBuilder(warehouse.Calendar);
        var narrower = new DimDateRange(new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31));

        using (var transaction = warehouse.Connection.BeginTransaction())
        {
            builder.Build(warehouse.Connection, narrower); // would fail if the builder began a transaction of its own
            Assert.Equal(narrower, DimDateBuilder.ExistingRange(warehouse.Connection));
            transaction.Rollback();
        }

        Assert.Equal(Range2020To2030, DimDateBuilder.ExistingRange(warehouse.Connection));
        Assert.Equal(4018L, warehouse.Connection.ExecuteScalar<long>("SELECT count(*) FROM dim_date"));
        Assert.Equal(new DateOnly(2020, 1, 1), warehouse.Connection.ExecuteScalar<DateOnly>("SELECT range_start FROM calendar_info"));
        // The macros are the old ones too: 2028 is still inside the calendar.
        Assert.Equal(1, warehouse.Value<int>("networkdays(DATE '2028-03-01', DATE '2028-03-01')"));
    }

    [Fact]
    public void A_rolled_back_first_build_leaves_nothing_behind()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        var builder = new DimDateBuilder(new BusinessCalendar([DayOfWeek.Saturday, DayOfWeek.Sunday], [new UsFederalHolidays()]));

        using (var transaction = connection.BeginTransaction())
        {
            builder.Build(connection, Range2020To2030);
            transaction.Rollback();
        }

        Assert.Null(DimDateBuilder.ExistingRange(connection));
        Assert.Equal(0L, connection.ExecuteScalar<long>(
            "SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('dim_date', 'dim_date_lookup', 'calendar_info')"));
        Assert.Equal(0L, connection.ExecuteScalar<long>(
            "SELECT count(*) FROM duckdb_functions() WHERE function_type = 'macro' AND function_name IN ('networkdays', 'workday', 'business_days_between', 'business_day_index')"));
    }

    [Fact]
    public void A_rebuild_over_another_range_replaces_the_table_the_lookup_and_the_macros()
    {
        using var warehouse = CalendarWarehouse.UsFederal();
        var later = new DimDateRange(new DateOnly(2031, 1, 1), new DateOnly(2032, 12, 31));

        var result = new DimDateBuilder(warehouse.Calendar).Build(warehouse.Connection, later);

        Assert.Equal(later, DimDateBuilder.ExistingRange(warehouse.Connection));
        Assert.Equal(later.Days, result.Days);
        Assert.Equal(0, warehouse.Value<int>("business_day_index(DATE '2031-01-01')")); // New Year's Day, the new first day
        Assert.Equal(
            warehouse.Calendar.NetworkDays(new DateOnly(2031, 1, 1), new DateOnly(2032, 12, 31)),
            warehouse.Value<int>("networkdays(DATE '2031-01-01', DATE '2032-12-31')"));
        Assert.Contains("2031-01-01 to 2032-12-31", warehouse.Error("workday(DATE '2030-06-03', 1)").Message, StringComparison.Ordinal);
        Assert.Equal(later.Days + 1, warehouse.Connection.ExecuteScalar<int>("SELECT len(day_index) FROM dim_date_lookup"));
    }

    [Fact]
    public void Existing_range_is_null_without_dim_date()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();

        Assert.Null(DimDateBuilder.ExistingRange(connection));
    }

    [Fact]
    public void A_range_without_business_days_still_builds_and_every_workday_is_an_error()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        var weekend = new DimDateRange(new DateOnly(2026, 11, 28), new DateOnly(2026, 11, 29));

        var result = new DimDateBuilder(new BusinessCalendar([DayOfWeek.Saturday, DayOfWeek.Sunday], [])).Build(connection, weekend);

        Assert.Equal(0, result.BusinessDays);
        Assert.Equal(0, connection.ExecuteScalar<int>("SELECT networkdays(DATE '2026-11-28', DATE '2026-11-29')"));
        Assert.Throws<DuckDbException>(() => connection.ExecuteScalar<DateOnly>("SELECT workday(DATE '2026-11-28', 1)"));
    }

    [Theory]
    // One year before the earliest source date to two years after the as-of date, as whole calendar years.
    [InlineData("2024-03-15", "2026-05-10", "2023-01-01", "2028-12-31")]
    [InlineData("2026-01-01", "2026-01-01", "2025-01-01", "2028-12-31")]
    [InlineData(null, "2026-05-10", "2025-01-01", "2028-12-31")] // no source data yet
    [InlineData("2027-01-01", "2026-05-10", "2025-01-01", "2028-12-31")] // a source date after the as-of date
    [InlineData("1900-06-01", "9998-05-10", "1900-01-01", "9999-12-31")] // clamped to the supported dates
    public void Default_range(string? earliest, string asOf, string from, string to)
    {
        var range = DimDateRange.Default(earliest is null ? null : DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DimDateRange(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture)), range);
    }

    [Fact]
    public void Configured_range_ends_override_the_default()
    {
        var fallback = new DimDateRange(new DateOnly(2025, 1, 1), new DateOnly(2028, 12, 31));

        Assert.Equal(fallback, DimDateRange.FromOptions(new CalendarOptions(), fallback));
        Assert.Equal(
            new DimDateRange(new DateOnly(2019, 1, 1), new DateOnly(2028, 12, 31)),
            DimDateRange.FromOptions(new CalendarOptions { RangeStart = new DateOnly(2019, 1, 1) }, fallback));
        Assert.Equal(
            new DimDateRange(new DateOnly(2019, 1, 1), new DateOnly(2035, 12, 31)),
            DimDateRange.FromOptions(new CalendarOptions { RangeStart = new DateOnly(2019, 1, 1), RangeEnd = new DateOnly(2035, 12, 31) }, fallback));
        var error = Assert.Throws<CalendarConfigurationException>(
            () => DimDateRange.FromOptions(new CalendarOptions { RangeEnd = new DateOnly(2020, 12, 31) }, fallback));
        Assert.Contains("Calendar:RangeStart", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => new DimDateRange(new DateOnly(2026, 1, 2), new DateOnly(2026, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DimDateRange(new DateOnly(1899, 12, 31), new DateOnly(2026, 1, 1)));
    }

    public static TheoryData<string> Configurations() => new(ConfigurationNames);

    private static readonly string[] ConfigurationNames =
        ["us-federal Sat-Sun fiscal Oct", "england-wales Fri-Sat", "both sets Sun only with a file", "none Sat-Sun fiscal Jul"];

    private const string Columns = """
        date_key AS DateKey, date AS Date, year AS Year, quarter AS Quarter, month AS Month, month_name AS MonthName,
        iso_week AS IsoWeek, iso_year AS IsoYear, day_of_week AS DayOfWeek, day_name AS DayName,
        fiscal_year AS FiscalYear, fiscal_quarter AS FiscalQuarter, is_weekend AS IsWeekend, is_holiday AS IsHoliday,
        holiday_name AS HolidayName, is_business_day AS IsBusinessDay, business_day_index AS BusinessDayIndex
        """;

    private static DimDateRow Row(CalendarWarehouse warehouse, string date) =>
        warehouse.Connection.QuerySingle<DimDateRow>($"SELECT {Columns} FROM dim_date WHERE date = CAST($date AS DATE)", new { date });

    private static CalendarWarehouse Configuration(string name)
    {
        var range = new DimDateRange(new DateOnly(2015, 6, 15), new DateOnly(2032, 3, 31));
        var file = HolidayFile.Parse(
            new StringReader("date,name,action\n2026-12-28,Shutdown\n2026-12-29,Shutdown\n2026-08-15,Saturday picnic\n2026-10-12,Columbus Day worked,remove\n"),
            "holidays.csv");
        BusinessCalendar calendar = name switch
        {
            "us-federal Sat-Sun fiscal Oct" => new([DayOfWeek.Saturday, DayOfWeek.Sunday], [new UsFederalHolidays()], fiscalYearStartMonth: 10),
            "england-wales Fri-Sat" => new([DayOfWeek.Friday, DayOfWeek.Saturday], [new EnglandWalesBankHolidays()]),
            "both sets Sun only with a file" => new([DayOfWeek.Sunday], [new UsFederalHolidays(), new EnglandWalesBankHolidays()], file, fiscalYearStartMonth: 4),
            "none Sat-Sun fiscal Jul" => new([DayOfWeek.Saturday, DayOfWeek.Sunday], [], fiscalYearStartMonth: 7),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
        return new CalendarWarehouse(calendar, range);
    }
}
