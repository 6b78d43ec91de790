using System.Globalization;
using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Calendar;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace C2C.Analytics.Warehouse.Tests.Calendar;

/// <summary>
/// The SQL macros against the C# calendar on thousands of random cases at once: the cases are appended into a table,
/// every macro is computed over the table in one query, and each row is compared with <see cref="BusinessCalendar"/>,
/// under several weekend and holiday configurations (and random ones).
/// </summary>
public sealed class CalendarMacroPropertyTests : IClassFixture<CalendarMacroPropertyTests.Warehouses>
{
    private const int CasesPerRun = 2000;

    private static readonly DimDateRange Range = new(new DateOnly(2015, 6, 15), new DateOnly(2032, 3, 31));

    private static readonly Gen<DateOnly> DateInRange = Gen.OneOf(
        Gen.Choose(Range.From.DayNumber, Range.To.DayNumber).Select(DateOnly.FromDayNumber),
        Gen.Choose(Range.From.DayNumber, Range.From.DayNumber + 20).Select(DateOnly.FromDayNumber), // the first days
        Gen.Choose(Range.To.DayNumber - 20, Range.To.DayNumber).Select(DateOnly.FromDayNumber), // the last days
        Gen.Elements(HolidaySeasons)); // around Thanksgiving, Christmas, New Year, Easter, 4 July

    private static readonly Gen<Case> OneCase =
        from a in DateInRange
        from span in Gen.OneOf(Gen.Choose(-10, 10), Gen.Choose(-400, 400), Gen.Constant(int.MinValue))
        from n in Gen.OneOf(Gen.Choose(-3, 3), Gen.Choose(-300, 300), Gen.Choose(-3000, 3000))
        from nulls in Gen.Frequency((97, Gen.Constant(0)), (1, Gen.Constant(1)), (1, Gen.Constant(2)), (1, Gen.Constant(3)))
        select new Case(
            nulls == 1 ? null : a,
            nulls == 2 ? null : span == int.MinValue ? null : Clamp(a.DayNumber + span),
            nulls == 3 ? null : n);

    private static readonly Arbitrary<Case[]> CaseSets = Gen.ArrayOf(OneCase, CasesPerRun).ToArbitrary();

    private readonly Warehouses _warehouses;

    public CalendarMacroPropertyTests(Warehouses warehouses) => _warehouses = warehouses;

    private static DateOnly[] HolidaySeasons =>
    [
        .. Enumerable.Range(2016, 16).SelectMany(year => new[]
        {
            new DateOnly(year, 11, 20), new DateOnly(year, 12, 20), new DateOnly(year, 12, 31), new DateOnly(year, 1, 1),
            new DateOnly(year, 7, 2), new DateOnly(year, 7, 5), DateRules.EasterSunday(year).AddDays(-3),
        }).SelectMany(d => Enumerable.Range(0, 8).Select(i => d.AddDays(i))),
    ];

    [Property(MaxTest = 8)]
    public Property Macros_agree_with_the_csharp_calendar_under_every_configuration() =>
        Prop.ForAll(CaseSets, cases =>
        {
            foreach (var warehouse in _warehouses.All)
            {
                CompareAll(warehouse.Name, warehouse.Warehouse, cases);
            }
        });

    private static readonly Arbitrary<(int WeekendMask, int[] HolidayOffsets, Case[] Cases)> RandomCalendars =
        (from weekendMask in Gen.Choose(1, 126) // any non-empty, not-all-seven set of weekdays
         from holidayOffsets in Gen.ArrayOf(Gen.Choose(0, Range.Days - 1), 120)
         from cases in Gen.ArrayOf(OneCase, 500)
         select (weekendMask, holidayOffsets, cases)).ToArbitrary();

    [Property(MaxTest = 15)]
    public Property Macros_agree_with_the_csharp_calendar_for_any_weekend_and_random_holidays() =>
        Prop.ForAll(RandomCalendars, random =>
        {
            var weekend = Enum.GetValues<DayOfWeek>().Where(d => (random.WeekendMask & (1 << (int)d)) != 0).ToArray();
            var text = "date,name\n" + string.Concat(random.HolidayOffsets.Distinct().Select(o => $"{Range.From.AddDays(o):yyyy-MM-dd},Random day\n"));
            var calendar = new BusinessCalendar(weekend, [new UsFederalHolidays()], HolidayFile.Parse(new StringReader(text), "random.csv"));
            using var warehouse = new CalendarWarehouse(calendar, Range);
            CompareAll($"weekend [{string.Join(",", weekend)}], us-federal and {random.HolidayOffsets.Length} random days", warehouse, random.Cases);
        });

    [Fact]
    public void Workday_beyond_either_end_of_dim_date_is_an_error_for_every_configuration()
    {
        foreach (var (name, warehouse) in _warehouses.All)
        {
            var calendar = warehouse.Calendar;
            // From a few days inside each end, a count that leaves the range by exactly one business day.
            var last = warehouse.Range.To.AddDays(-5);
            var forward = warehouse.Calendar.BusinessDaysBetween(last, warehouse.Range.To) + 1;
            var first = warehouse.Range.From.AddDays(5);
            var backward = -(calendar.NetworkDays(warehouse.Range.From, first) - (calendar.IsBusinessDay(first) ? 1 : 0) + 1);

            Assert.True(calendar.WorkDay(last, forward) > warehouse.Range.To, name);
            Assert.Equal(calendar.WorkDay(last, forward - 1), warehouse.Value<DateOnly>($"workday(DATE '{last:yyyy-MM-dd}', {forward - 1})"));
            Assert.Contains("the result falls after", warehouse.Error($"workday(DATE '{last:yyyy-MM-dd}', {forward})").Message, StringComparison.Ordinal);

            Assert.True(calendar.WorkDay(first, backward) < warehouse.Range.From, name);
            Assert.Equal(calendar.WorkDay(first, backward + 1), warehouse.Value<DateOnly>($"workday(DATE '{first:yyyy-MM-dd}', {backward + 1})"));
            Assert.Contains("the result falls before", warehouse.Error($"workday(DATE '{first:yyyy-MM-dd}', {backward})").Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Appends the cases, computes every macro over them in one query, and compares each row with C#.</summary>
    private static void CompareAll(string configuration, CalendarWarehouse warehouse, Case[] cases)
    {
        var calendar = warehouse.Calendar;
        var range = warehouse.Range;
        var before = calendar.BusinessDayIndex(range.From.AddDays(-1)); // the C# index counts from 1900; dim_date's from the range
        var expected = cases.Select(c => Expect(calendar, range, before, c)).ToArray();

        var connection = warehouse.Connection;
        Execute(connection, "CREATE OR REPLACE TEMP TABLE cases (id INTEGER, a DATE, b DATE, n INTEGER, workday_in_range BOOLEAN, a_is_business_day BOOLEAN)");
        using (var appender = connection.CreateAppender("cases"))
        {
            for (var i = 0; i < cases.Length; i++)
            {
                appender.CreateRow()
                    .AppendValue(i)
                    .AppendValue(cases[i].A)
                    .AppendValue(cases[i].B)
                    .AppendValue(cases[i].N)
                    .AppendValue(expected[i].WorkDay is { } w && range.Contains(w))
                    .AppendValue(cases[i].A is { } a && calendar.IsBusinessDay(a))
                    .EndRow();
            }
        }

        // workday() is asked only where its result lies inside dim_date (outside, it raises, which stops the query;
        // the error is checked by its own test). CASE evaluates a branch only for the rows that take it.
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id,
                   business_day_index(a),
                   business_days_between(a, b),
                   networkdays(a, b),
                   CASE WHEN workday_in_range THEN workday(a, n) END,
                   CASE WHEN workday_in_range AND a_is_business_day AND n >= 0 THEN networkdays(a, workday(a, n)) END,
                   CASE WHEN workday_in_range AND a_is_business_day THEN workday(workday(a, n), -n) END
            FROM cases ORDER BY id
            """;
        var failures = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt32(0);
                var (c, e) = (cases[id], expected[id]);
                var actual = new Expected(
                    Int(reader, 1), Int(reader, 2), Int(reader, 3), Date(reader, 4));
                var workdayInRange = e.WorkDay is { } w && range.Contains(w);
                var compared = e with { WorkDay = workdayInRange ? e.WorkDay : null };
                if (actual != compared)
                {
                    failures.Add($"{c}: SQL {actual}, C# {compared}");
                }

                if (workdayInRange && c.A is { } a && calendar.IsBusinessDay(a))
                {
                    if (c.N >= 0 && Int(reader, 5) != c.N + 1)
                    {
                        failures.Add($"{c}: networkdays(a, workday(a, n)) = {Int(reader, 5)}, expected n + 1");
                    }

                    if (Date(reader, 6) != a)
                    {
                        failures.Add($"{c}: workday(workday(a, n), -n) = {Date(reader, 6)}, expected a");
                    }
                }
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail($"{configuration}: {failures.Count} of {cases.Length} cases differ, e.g.{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(10))}");
        }
    }

    private static Expected Expect(BusinessCalendar calendar, DimDateRange range, int before, Case c)
    {
        int? index = c.A is { } a ? calendar.BusinessDayIndex(a) - before : null;
        int? between = c is { A: { } a1, B: { } b1 } ? calendar.BusinessDaysBetween(a1, b1) : null;
        int? networkDays = c is { A: { } a2, B: { } b2 } ? calendar.NetworkDays(a2, b2) : null;
        DateOnly? workDay = c is { A: { } a3, N: { } n } ? TryWorkDay(calendar, a3, n) ?? range.To.AddDays(1) : null;
        return new Expected(index, between, networkDays, workDay);
    }

    private static DateOnly? TryWorkDay(BusinessCalendar calendar, DateOnly start, int days)
    {
        try
        {
            return calendar.WorkDay(start, days);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null; // outside 1900..9999: outside dim_date too
        }
    }

    private static int? Int(DuckDbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static DateOnly? Date(DuckDbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);

    private static DateOnly Clamp(int dayNumber) => DateOnly.FromDayNumber(Math.Clamp(dayNumber, Range.From.DayNumber, Range.To.DayNumber));

    private static void Execute(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public sealed record Case(DateOnly? A, DateOnly? B, int? N)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"(a {A:yyyy-MM-dd}, b {B:yyyy-MM-dd}, n {N})");
    }

    private sealed record Expected(int? BusinessDayIndex, int? BusinessDaysBetween, int? NetworkDays, DateOnly? WorkDay);

    /// <summary>One warehouse per configuration, built once for the class.</summary>
    public sealed class Warehouses : IDisposable
    {
        public Warehouses()
        {
            DayOfWeek[] saturdaySunday = [DayOfWeek.Saturday, DayOfWeek.Sunday];
            var file = HolidayFile.Parse(
                new StringReader("""
                    date,name,action
                    2026-12-28,Shutdown
                    2026-12-29,Shutdown
                    2026-12-30,Shutdown
                    2026-12-31,Shutdown
                    2027-01-01,Shutdown
                    2026-08-15,Saturday picnic
                    2026-10-12,Columbus Day worked,remove
                    2030-05-27,Last Monday of May worked,remove
                    """),
                "holidays.csv");
            All =
            [
                ("Sat-Sun, us-federal", new(new BusinessCalendar(saturdaySunday, [new UsFederalHolidays()], fiscalYearStartMonth: 10), Range)),
                ("Fri-Sat, england-wales", new(new BusinessCalendar([DayOfWeek.Friday, DayOfWeek.Saturday], [new EnglandWalesBankHolidays()]), Range)),
                ("Sun only, both sets and a holiday file", new(new BusinessCalendar([DayOfWeek.Sunday], [new UsFederalHolidays(), new EnglandWalesBankHolidays()], file), Range)),
                ("Sat-Sun, no holidays", new(new BusinessCalendar(saturdaySunday, []), Range)),
                ("Wednesdays only, us-federal", new(new BusinessCalendar(Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Wednesday), [new UsFederalHolidays()]), Range)),
            ];
        }

        public IReadOnlyList<(string Name, CalendarWarehouse Warehouse)> All { get; }

        public void Dispose()
        {
            foreach (var (_, warehouse) in All)
            {
                warehouse.Dispose();
            }
        }
    }
}
