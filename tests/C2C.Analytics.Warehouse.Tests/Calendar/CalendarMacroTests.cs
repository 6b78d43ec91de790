using System.Globalization;
using C2C.Analytics.Calendar;
using C2C.Analytics.Warehouse.Calendar;
using Dapper;

namespace C2C.Analytics.Warehouse.Tests.Calendar;

/// <summary>
/// Hand-checked cases through the SQL macros, each also asked of the C# calendar so the two are seen to agree.
/// Calendar: US federal holidays, Saturday–Sunday weekend (England and Wales for Easter), dim_date 2020–2030.
/// </summary>
public sealed class CalendarMacroTests : IClassFixture<CalendarMacroTests.Warehouses>
{
    private readonly Warehouses _warehouses;

    public CalendarMacroTests(Warehouses warehouses) => _warehouses = warehouses;

    private CalendarWarehouse Us => _warehouses.Us;

    // NETWORKDAYS: business days in [start, end], both ends counted.
    [Theory]
    // Thanksgiving, Thu 2026-11-26: Mon–Fri of that week has four business days.
    [InlineData("2026-11-23", "2026-11-27", 4)]
    [InlineData("2026-11-26", "2026-11-26", 0)]
    // Christmas (Fri 2026-12-25) and New Year (Fri 2027-01-01) across the year boundary: 24, 28–31 Dec, 4 Jan.
    [InlineData("2026-12-24", "2027-01-04", 6)]
    // New Year's Day 2022 is a Saturday, observed Friday 2021-12-31 (listed under 2021).
    [InlineData("2021-12-27", "2022-01-03", 5)]
    // Independence Day on a Saturday (2026-07-04) is observed Friday 07-03; on a Sunday (2027-07-04) Monday 07-05.
    [InlineData("2026-06-29", "2026-07-05", 4)]
    [InlineData("2027-07-05", "2027-07-09", 4)]
    // Start and end on weekend days.
    [InlineData("2026-11-28", "2026-11-29", 0)]
    [InlineData("2026-11-28", "2026-12-06", 5)]
    [InlineData("2026-11-29", "2026-11-30", 1)]
    // Start = end: 1 on a business day, 0 on a weekend day or a holiday.
    [InlineData("2026-11-30", "2026-11-30", 1)]
    [InlineData("2026-11-29", "2026-11-29", 0)]
    [InlineData("2026-12-25", "2026-12-25", 0)]
    // End before start: minus the count from end to start.
    [InlineData("2026-12-31", "2026-12-24", -5)]
    [InlineData("2027-01-04", "2026-12-24", -6)]
    [InlineData("2026-11-30", "2026-11-28", -1)]
    // The first and the last day of dim_date.
    [InlineData("2020-01-01", "2020-01-03", 2)]
    [InlineData("2030-12-30", "2030-12-31", 2)]
    public void Networkdays(string start, string end, int expected)
    {
        Assert.Equal(expected, Us.Value<int>($"networkdays(DATE '{start}', DATE '{end}')"));
        Assert.Equal(expected, Us.Calendar.NetworkDays(Date(start), Date(end)));
    }

    // WORKDAY: the n-th business day after (before) the start; the start itself is not counted.
    [Theory]
    [InlineData("2026-11-25", 1, "2026-11-27")] // over Thanksgiving
    [InlineData("2026-11-27", -1, "2026-11-25")]
    [InlineData("2026-12-24", 1, "2026-12-28")] // over Christmas
    [InlineData("2026-12-31", 1, "2027-01-04")] // over New Year, into the next year
    [InlineData("2027-01-04", -1, "2026-12-31")] // and back
    [InlineData("2027-01-04", -5, "2026-12-24")]
    [InlineData("2021-12-30", 1, "2022-01-03")] // New Year 2022 observed on Fri 2021-12-31
    [InlineData("2026-07-02", 1, "2026-07-06")] // 4 July 2026 (Sat) observed Fri 07-03
    [InlineData("2027-07-02", 1, "2027-07-06")] // 4 July 2027 (Sun) observed Mon 07-05
    // Zero days: the start itself, even on a weekend day or a holiday.
    [InlineData("2026-11-28", 0, "2026-11-28")]
    [InlineData("2026-12-25", 0, "2026-12-25")]
    [InlineData("2026-11-30", 0, "2026-11-30")]
    // From a weekend day or a holiday: the first business day after (before) it counts as 1.
    [InlineData("2026-11-28", 1, "2026-11-30")]
    [InlineData("2026-11-28", -1, "2026-11-27")]
    [InlineData("2026-11-29", 5, "2026-12-04")]
    [InlineData("2026-12-25", 1, "2026-12-28")]
    [InlineData("2026-12-25", -1, "2026-12-24")]
    [InlineData("2026-11-26", -1, "2026-11-25")]
    // Longer spans, negative counts.
    [InlineData("2026-01-02", 250, "2027-01-04")]
    [InlineData("2027-01-04", -250, "2026-01-02")]
    [InlineData("2026-03-15", -10, "2026-03-02")]
    public void Workday(string start, int days, string expected)
    {
        Assert.Equal(Date(expected), Us.Value<DateOnly>($"workday(DATE '{start}', {days})"));
        Assert.Equal(Date(expected), Us.Calendar.WorkDay(Date(start), days));
    }

    // Cycle time: business days d with a < d <= b.
    [Theory]
    [InlineData("2026-11-25", "2026-11-30", 2)] // Thanksgiving in between: Fri 27, Mon 30
    [InlineData("2026-12-24", "2027-01-04", 5)] // 28–31 Dec, 4 Jan
    [InlineData("2026-11-30", "2026-11-30", 0)] // same day
    [InlineData("2026-11-28", "2026-11-29", 0)] // weekend to weekend
    [InlineData("2026-11-27", "2026-11-28", 0)] // Friday to Saturday
    [InlineData("2026-11-29", "2026-11-30", 1)] // Sunday to Monday
    [InlineData("2026-12-31", "2026-12-24", -4)] // backwards
    [InlineData("2020-01-01", "2030-12-31", 2750)] // the whole range
    public void Business_days_between(string from, string to, int expected)
    {
        Assert.Equal(expected, Us.Value<int>($"business_days_between(DATE '{from}', DATE '{to}')"));
        Assert.Equal(expected, Us.Calendar.BusinessDaysBetween(Date(from), Date(to)));
    }

    [Fact]
    public void Business_day_index_counts_from_the_first_day_of_dim_date()
    {
        // 2020-01-01 is New Year's Day (a Wednesday): index 0; Thursday 2 January is the first business day.
        Assert.Equal(0, Us.Value<int>("business_day_index(DATE '2020-01-01')"));
        Assert.Equal(1, Us.Value<int>("business_day_index(DATE '2020-01-02')"));
        Assert.Equal(2, Us.Value<int>("business_day_index(DATE '2020-01-05')")); // Sunday: Thu, Fri
        Assert.Equal(2750, Us.Value<int>("business_day_index(DATE '2030-12-31')"));
        Assert.Equal(
            Us.Connection.ExecuteScalar<int>("SELECT business_day_index FROM dim_date WHERE date = DATE '2026-12-25'"),
            Us.Value<int>("business_day_index(DATE '2026-12-25')"));
    }

    [Fact]
    public void Easter_bank_holidays_in_england_and_wales()
    {
        // Easter Sunday 2026 is 5 April: Good Friday 3 April, Easter Monday 6 April.
        var uk = _warehouses.EnglandWales;
        Assert.Equal(8, uk.Value<int>("networkdays(DATE '2026-03-30', DATE '2026-04-10')"));
        Assert.Equal(Date("2026-04-07"), uk.Value<DateOnly>("workday(DATE '2026-04-02', 1)"));
        Assert.Equal(Date("2026-04-02"), uk.Value<DateOnly>("workday(DATE '2026-04-07', -1)"));
        Assert.Equal(1, uk.Value<int>("business_days_between(DATE '2026-04-02', DATE '2026-04-07')"));
        Assert.Equal("Good Friday", uk.Connection.ExecuteScalar<string>("SELECT holiday_name FROM dim_date WHERE date = DATE '2026-04-03'"));
        Assert.Equal(8, uk.Calendar.NetworkDays(Date("2026-03-30"), Date("2026-04-10")));
    }

    [Fact]
    public void A_holiday_on_a_weekend_day_changes_nothing()
    {
        // The holiday file adds Saturday 2026-08-15: it is a holiday in dim_date, and no count moves.
        var withPicnic = _warehouses.WithSaturdayHoliday;
        var row = withPicnic.Connection.QuerySingle<(bool IsWeekend, bool IsHoliday, string Name, bool IsBusinessDay)>(
            "SELECT is_weekend, is_holiday, holiday_name, is_business_day FROM dim_date WHERE date = DATE '2026-08-15'");
        Assert.Equal((true, true, "Company picnic", false), row);
        foreach (var expression in new[]
        {
            "networkdays(DATE '2026-08-10', DATE '2026-08-21')",
            "business_days_between(DATE '2026-08-14', DATE '2026-08-17')",
            "networkdays(DATE '2026-08-15', DATE '2026-08-15')",
        })
        {
            Assert.Equal(Us.Value<int>(expression), withPicnic.Value<int>(expression));
        }

        Assert.Equal(Date("2026-08-17"), withPicnic.Value<DateOnly>("workday(DATE '2026-08-14', 1)"));
        Assert.Equal(Date("2026-08-15"), withPicnic.Value<DateOnly>("workday(DATE '2026-08-15', 0)"));
    }

    [Fact]
    public void Networkdays_of_workday_n_from_a_business_day_is_n_plus_1()
    {
        var failures = Us.Connection.ExecuteScalar<long>("""
            SELECT count(*)
            FROM dim_date d, range(0, 60) r(n)
            WHERE d.is_business_day AND d.date <= DATE '2030-06-30'
              AND networkdays(d.date, workday(d.date, r.n)) <> r.n + 1
            """);
        Assert.Equal(0, failures);
    }

    [Theory]
    [InlineData("business_day_index(NULL)")]
    [InlineData("business_days_between(NULL, DATE '2026-01-05')")]
    [InlineData("business_days_between(DATE '2026-01-05', NULL)")]
    [InlineData("networkdays(NULL, DATE '2026-01-05')")]
    [InlineData("networkdays(DATE '2026-01-05', NULL)")]
    [InlineData("workday(NULL, 3)")]
    [InlineData("workday(NULL, 0)")]
    [InlineData("workday(DATE '2026-01-05', NULL)")]
    // NULL wins over an out-of-range date in the other argument.
    [InlineData("business_days_between(NULL, DATE '1999-01-01')")]
    [InlineData("business_days_between(DATE '2031-01-01', NULL)")]
    [InlineData("business_days_between(NULL, NULL)")]
    [InlineData("networkdays(DATE '2040-01-01', NULL)")]
    [InlineData("workday(DATE '2040-01-01', NULL)")]
    public void Null_in_gives_null_out(string expression)
    {
        Assert.Null(Us.Value<object>(expression));
    }

    [Theory]
    [InlineData("business_day_index(DATE '2019-12-31')", "business_day_index: 2019-12-31")]
    [InlineData("business_day_index(DATE '2031-01-01')", "business_day_index: 2031-01-01")]
    [InlineData("business_days_between(DATE '2019-06-30', DATE '2026-01-05')", "business_days_between: 2019-06-30")]
    [InlineData("business_days_between(DATE '2026-01-05', DATE '2035-02-01')", "business_days_between: 2035-02-01")]
    [InlineData("networkdays(DATE '1999-01-01', DATE '2026-01-05')", "networkdays: 1999-01-01")]
    [InlineData("networkdays(DATE '2026-01-05', DATE '2031-01-01')", "networkdays: 2031-01-01")]
    [InlineData("workday(DATE '2019-12-31', 5)", "workday: 2019-12-31")]
    [InlineData("workday(DATE '2031-01-01', 0)", "workday: 2031-01-01")]
    [InlineData("workday(DATE '2030-12-20', 30)", "workday(2030-12-20, 30): the result falls after 2030-12-31")]
    [InlineData("workday(DATE '2030-12-31', 1)", "workday(2030-12-31, 1): the result falls after 2030-12-31")]
    [InlineData("workday(DATE '2020-01-10', -10)", "workday(2020-01-10, -10): the result falls before 2020-01-01")]
    [InlineData("workday(DATE '2020-01-02', -1)", "workday(2020-01-02, -1): the result falls before 2020-01-01")]
    public void A_date_outside_dim_date_is_an_error_naming_the_date_and_the_range(string expression, string expected)
    {
        var error = Us.Error(expression);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("2020-01-01 to 2030-12-31", error.Message, StringComparison.Ordinal);
    }

    // The lookups at the range's ends: in day_index (element 1 for the day before the range) the first and last day are
    // elements 2 and 4019 (2020–2030 has 11 * 365 + 3 leap days = 4018 days), the last element of the list.
    [Theory]
    [InlineData("2020-01-01", "2020-01-01", 0)]
    [InlineData("2030-12-31", "2030-12-31", 0)]
    [InlineData("2020-01-01", "2020-01-02", 1)] // New Year's Day to Thursday 2 January, the first business day
    [InlineData("2030-12-30", "2030-12-31", 1)] // Monday to Tuesday
    [InlineData("2030-12-31", "2020-01-01", -2750)] // the whole range backwards (2750: see Business_days_between)
    public void Business_days_between_at_the_ends_of_the_range(string from, string to, int expected)
    {
        Assert.Equal(expected, Us.Value<int>($"business_days_between(DATE '{from}', DATE '{to}')"));
        Assert.Equal(expected, Us.Calendar.BusinessDaysBetween(Date(from), Date(to)));
    }

    // One day outside each end, in either argument (the day before the range has an element in day_index, and a
    // list's element 0 is NULL); dates less than the list's length before the range (where a negative list index would
    // wrap around to a real element instead of failing); far away; and DuckDB's infinite dates.
    [Theory]
    [InlineData("DATE '2019-12-31'", "DATE '2026-01-05'", "2019-12-31")]
    [InlineData("DATE '2026-01-05'", "DATE '2019-12-31'", "2019-12-31")]
    [InlineData("DATE '2031-01-01'", "DATE '2026-01-05'", "2031-01-01")]
    [InlineData("DATE '2026-01-05'", "DATE '2031-01-01'", "2031-01-01")]
    [InlineData("DATE '2019-12-30'", "DATE '2026-01-05'", "2019-12-30")]
    [InlineData("DATE '2026-01-05'", "DATE '2015-01-01'", "2015-01-01")]
    [InlineData("DATE '2009-01-01'", "DATE '2026-01-05'", "2009-01-01")]
    [InlineData("DATE '1000-01-01'", "DATE '2026-01-05'", "1000-01-01")]
    [InlineData("DATE '2026-01-05'", "DATE '9999-12-31'", "9999-12-31")]
    [InlineData("DATE '-infinity'", "DATE '2026-01-05'", "-infinity")]
    [InlineData("DATE '2026-01-05'", "DATE 'infinity'", "infinity")]
    public void Business_days_between_a_day_outside_the_range_is_an_error(string from, string to, string culprit)
    {
        var error = Us.Error($"business_days_between({from}, {to})");

        Assert.Contains($"business_days_between: {culprit} is outside the business calendar", error.Message, StringComparison.Ordinal);
        Assert.Contains("2020-01-01 to 2030-12-31", error.Message, StringComparison.Ordinal);
        var outside = from.Contains(culprit, StringComparison.Ordinal) ? from : to;
        Assert.Contains($"business_day_index: {culprit} is outside", Us.Error($"business_day_index({outside})").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_row_outside_the_range_fails_the_whole_query()
    {
        // Never a silent NULL or a wrong number: a set-based query with one bad row raises.
        var error = Assert.ThrowsAny<Exception>(() => Us.Connection.ExecuteScalar<long>("""
            SELECT sum(business_days_between(a, b))
            FROM (VALUES (DATE '2026-01-05', DATE '2026-02-05'), (DATE '2026-01-05', DATE '2031-06-01')) t(a, b)
            """));
        Assert.Contains("2031-06-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_and_date_strings_are_taken_as_their_date()
    {
        Assert.Equal(4, Us.Value<int>("networkdays(TIMESTAMP '2026-11-23 17:45:00', '2026-11-27')"));
        Assert.Equal(Date("2026-11-27"), Us.Value<DateOnly>("workday(TIMESTAMP '2026-11-25 09:00:00', 1)"));
    }

    [Fact]
    public void Fractional_days_are_truncated_as_in_excel()
    {
        Assert.Equal(Date("2026-11-27"), Us.Value<DateOnly>("workday(DATE '2026-11-25', 1.9)"));
        Assert.Equal(Date("2026-11-25"), Us.Value<DateOnly>("workday(DATE '2026-11-25', 0.5)"));
        Assert.Equal(Date("2026-11-24"), Us.Value<DateOnly>("workday(DATE '2026-11-25', -1.9)"));
    }

    [Fact]
    public void The_macros_read_the_range_literals_of_their_own_build()
    {
        var statements = CalendarMacros.CreateStatements(new DimDateRange(new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31)));

        Assert.Equal(CalendarMacros.Names.Count, statements.Count);
        Assert.All(statements, s => Assert.Contains("DATE '2020-01-01'", s, StringComparison.Ordinal));
        Assert.All(statements, s => Assert.Contains("2030-12-31", s, StringComparison.Ordinal));
        var names = Us.Connection.Query<string>(
            "SELECT function_name FROM duckdb_functions() WHERE function_type = 'macro' AND schema_name = 'main' ORDER BY function_name");
        Assert.Subset(names.ToHashSet(), CalendarMacros.Names.ToHashSet());
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The warehouses the cases run against, built once for the class.</summary>
    public sealed class Warehouses : IDisposable
    {
        private static readonly DimDateRange Range = new(new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31));

        public CalendarWarehouse Us { get; } = CalendarWarehouse.UsFederal();

        public CalendarWarehouse EnglandWales { get; } = new(
            new BusinessCalendar([DayOfWeek.Saturday, DayOfWeek.Sunday], [new EnglandWalesBankHolidays()]), Range);

        public CalendarWarehouse WithSaturdayHoliday { get; } = new(
            new BusinessCalendar(
                [DayOfWeek.Saturday, DayOfWeek.Sunday],
                [new UsFederalHolidays()],
                HolidayFile.Parse(new StringReader("date,name\n2026-08-15,Company picnic\n"), "picnic.csv")),
            Range);

        public void Dispose()
        {
            Us.Dispose();
            EnglandWales.Dispose();
            WithSaturdayHoliday.Dispose();
        }
    }
}
