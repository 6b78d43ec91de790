using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace C2C.Analytics.Calendar.Tests;

/// <summary>
/// Property tests: the index-based <see cref="BusinessCalendar"/> against the day-by-day
/// <see cref="ReferenceCalendar"/>, and the algebra of WORKDAY / NETWORKDAYS, under several weekend and holiday
/// configurations, on dates drawn from the whole supported range.
/// </summary>
public class BusinessCalendarPropertyTests
{
    private const int MaxSpanDays = 1500;
    private const int MaxWorkDays = 800;

    private static readonly int MinDay = BusinessCalendar.MinDate.DayNumber;
    private static readonly int MaxDay = BusinessCalendar.MaxDate.DayNumber;

    private static readonly Configuration[] Configurations = BuildConfigurations();

    private static readonly Gen<DateOnly> AnyDate = Gen.Choose(MinDay, MaxDay).Select(DateOnly.FromDayNumber);

    // Half the dates in 2000-2040, where the data lives and the holiday file has its days; half anywhere.
    private static readonly Gen<DateOnly> SomeDate = Gen.OneOf(
        AnyDate,
        Gen.Choose(new DateOnly(2000, 1, 1).DayNumber, new DateOnly(2040, 12, 31).DayNumber).Select(DateOnly.FromDayNumber));

    private static readonly Arbitrary<Case> Cases =
        (from configuration in Gen.Choose(0, Configurations.Length - 1)
         from start in SomeDate
         from span in Gen.Choose(-MaxSpanDays, MaxSpanDays)
         from days in Gen.OneOf(Gen.Choose(-MaxWorkDays, MaxWorkDays), Gen.Choose(-3, 3))
         select new Case(configuration, start, Clamp(start.DayNumber + span), days)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property WorkDay_agrees_with_the_day_by_day_reference() =>
        Prop.ForAll(Cases, c =>
        {
            var (calendar, reference) = (Configurations[c.Configuration].Calendar, Configurations[c.Configuration].Reference);
            var expected = reference.WorkDay(c.Start, c.Days);
            var actual = TryWorkDay(calendar, c.Start, c.Days);
            Check(expected == actual, c, $"WORKDAY({c.Start:yyyy-MM-dd}, {c.Days}) = {actual:yyyy-MM-dd}, reference {expected:yyyy-MM-dd}");
        });

    [Property(MaxTest = 1000)]
    public Property NetworkDays_and_BusinessDaysBetween_agree_with_the_day_by_day_reference() =>
        Prop.ForAll(Cases, c =>
        {
            var (calendar, reference) = (Configurations[c.Configuration].Calendar, Configurations[c.Configuration].Reference);
            var expected = reference.NetworkDays(c.Start, c.End);
            var actual = calendar.NetworkDays(c.Start, c.End);
            Check(expected == actual, c, $"NETWORKDAYS({c.Start:yyyy-MM-dd}, {c.End:yyyy-MM-dd}) = {actual}, reference {expected}");

            var expectedBetween = reference.BusinessDaysBetween(c.Start, c.End);
            var actualBetween = calendar.BusinessDaysBetween(c.Start, c.End);
            Check(expectedBetween == actualBetween, c, $"BusinessDaysBetween = {actualBetween}, reference {expectedBetween}");

            Check(reference.IsBusinessDay(c.Start) == calendar.IsBusinessDay(c.Start), c, $"IsBusinessDay({c.Start:yyyy-MM-dd})");
        });

    [Property(MaxTest = 500)]
    public Property NetworkDays_of_WorkDay_n_from_a_business_day_is_n_plus_1() =>
        Prop.ForAll(Cases, c =>
        {
            var (calendar, reference) = (Configurations[c.Configuration].Calendar, Configurations[c.Configuration].Reference);
            var n = Math.Abs(c.Days);
            if (reference.NextBusinessDayOnOrAfter(c.Start) is not { } start || TryWorkDay(calendar, start, n) is not { } end)
            {
                return; // no business day (or no result) before 9999-12-31
            }

            Check(calendar.NetworkDays(start, end) == n + 1, c, $"NETWORKDAYS({start:yyyy-MM-dd}, WORKDAY(…, {n}) = {end:yyyy-MM-dd}) = {calendar.NetworkDays(start, end)}");
            Check(calendar.WorkDay(end, -n) == start, c, $"WORKDAY(WORKDAY({start:yyyy-MM-dd}, {n}), -{n}) = {calendar.WorkDay(end, -n):yyyy-MM-dd}");
        });

    [Property(MaxTest = 500)]
    public Property NetworkDays_changes_sign_when_start_and_end_swap() =>
        Prop.ForAll(Cases, c =>
        {
            var calendar = Configurations[c.Configuration].Calendar;
            if (c.Start == c.End)
            {
                // Excel: NETWORKDAYS(d, d) is 1 for a business day and 0 otherwise, so it is not its own negative.
                Check(calendar.NetworkDays(c.Start, c.End) == (calendar.IsBusinessDay(c.Start) ? 1 : 0), c, "NETWORKDAYS(d, d)");
                return;
            }

            Check(calendar.NetworkDays(c.Start, c.End) == -calendar.NetworkDays(c.End, c.Start), c, "NETWORKDAYS(a, b) != -NETWORKDAYS(b, a)");
        });

    [Property(MaxTest = 500)]
    public Property BusinessDaysBetween_is_antisymmetric_and_the_difference_of_indexes() =>
        Prop.ForAll(Cases, c =>
        {
            var calendar = Configurations[c.Configuration].Calendar;
            var between = calendar.BusinessDaysBetween(c.Start, c.End);
            Check(between == -calendar.BusinessDaysBetween(c.End, c.Start), c, "BusinessDaysBetween(a, b) != -BusinessDaysBetween(b, a)");
            Check(between == calendar.BusinessDayIndex(c.End) - calendar.BusinessDayIndex(c.Start), c, "BusinessDaysBetween != index difference");
            if (c.Start < c.End)
            {
                // (a, b] = [a, b] minus a.
                var networkDays = calendar.NetworkDays(c.Start, c.End);
                Check(between == networkDays - (calendar.IsBusinessDay(c.Start) ? 1 : 0), c, "BusinessDaysBetween != NETWORKDAYS - [a is a business day]");
            }
        });

    private static readonly Arbitrary<RandomCalendarCase> RandomCalendars =
        (from weekendMask in Gen.Choose(1, 126) // any non-empty, not-all-seven set of weekdays
         from origin in AnyDate
         from holidayOffsets in Gen.ListOf(Gen.Choose(0, 2 * MaxSpanDays))
         from queries in Gen.ListOf(Gen.Zip(Gen.Choose(0, 2 * MaxSpanDays), Gen.Zip(Gen.Choose(0, 2 * MaxSpanDays), Gen.Choose(-200, 200))))
         select new RandomCalendarCase(weekendMask, Clamp(Math.Min(origin.DayNumber, MaxDay - (2 * MaxSpanDays))), [.. holidayOffsets], [.. queries.Select(q => (q.Item1, q.Item2.Item1, q.Item2.Item2))])).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Any_weekend_set_and_random_holiday_file_agree_with_the_reference() =>
        Prop.ForAll(RandomCalendars, rc =>
        {
            var weekend = Enum.GetValues<DayOfWeek>().Where(d => (rc.WeekendMask & (1 << (int)d)) != 0).ToArray();
            var holidays = rc.HolidayOffsets.Select(o => rc.Origin.AddDays(o)).ToList();
            var text = "date,name\n" + string.Concat(holidays.Select(h => $"{h:yyyy-MM-dd},Random day\n"));
            var calendar = new BusinessCalendar(weekend, [], HolidayFile.Parse(new StringReader(text), "random.csv"));
            var reference = new ReferenceCalendar(weekend, [], holidays);

            foreach (var (startOffset, endOffset, days) in rc.Queries)
            {
                var start = rc.Origin.AddDays(startOffset);
                var end = rc.Origin.AddDays(endOffset);
                var description = $"weekend [{string.Join(",", weekend)}], {holidays.Count} holidays, start {start:yyyy-MM-dd}, end {end:yyyy-MM-dd}, days {days}";
                if (reference.NetworkDays(start, end) != calendar.NetworkDays(start, end))
                {
                    Assert.Fail($"NETWORKDAYS differs: {description}");
                }

                if (reference.BusinessDaysBetween(start, end) != calendar.BusinessDaysBetween(start, end))
                {
                    Assert.Fail($"BusinessDaysBetween differs: {description}");
                }

                if (reference.WorkDay(start, days) != TryWorkDay(calendar, start, days))
                {
                    Assert.Fail($"WORKDAY differs: {description}");
                }
            }
        });

    [Fact]
    public void Concurrent_first_use_from_many_threads_gives_the_same_answers_as_one_thread()
    {
        var dates = Enumerable.Range(0, 400)
            .Select(i => DateOnly.FromDayNumber(MinDay + (int)((long)(MaxDay - MinDay) * ((i * 7919) % 400) / 400)))
            .ToArray();
        var sequential = new BusinessCalendar([DayOfWeek.Saturday, DayOfWeek.Sunday], [new UsFederalHolidays()]);
        var expected = dates.Select(d => (sequential.BusinessDayIndex(d), sequential.WorkDay(d, 37))).ToArray();

        var shared = new BusinessCalendar([DayOfWeek.Saturday, DayOfWeek.Sunday], [new UsFederalHolidays()]);
        var actual = new (int, DateOnly)[dates.Length];
        Parallel.For(0, dates.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = (shared.BusinessDayIndex(dates[i]), shared.WorkDay(dates[i], 37)));

        Assert.Equal(expected, actual);
    }

    private static DateOnly Clamp(int dayNumber) => DateOnly.FromDayNumber(Math.Clamp(dayNumber, MinDay, MaxDay));

    private static DateOnly? TryWorkDay(BusinessCalendar calendar, DateOnly start, int days)
    {
        try
        {
            return calendar.WorkDay(start, days);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static void Check(bool condition, Case c, string what)
    {
        if (!condition)
        {
            Assert.Fail($"{Configurations[c.Configuration].Name}: {what} (case {c})");
        }
    }

    private static Configuration[] BuildConfigurations()
    {
        DayOfWeek[] saturdaySunday = [DayOfWeek.Saturday, DayOfWeek.Sunday];
        DayOfWeek[] fridaySaturday = [DayOfWeek.Friday, DayOfWeek.Saturday];
        DayOfWeek[] sundayOnly = [DayOfWeek.Sunday];
        DayOfWeek[] allButWednesday = [.. Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Wednesday)];

        // Shutdown week over New Year 2027 (1 Jan 2027 is already a holiday in both sets), a Saturday, and two
        // removals of built-in days: Columbus Day 2026 (Mon 12 Oct) and the last Monday of May 2030 (27 May:
        // Memorial Day and the Spring bank holiday at once).
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

        return
        [
            Make("Sat-Sun, us-federal", saturdaySunday, [new UsFederalHolidays()]),
            Make("Fri-Sat, england-wales", fridaySaturday, [new EnglandWalesBankHolidays()]),
            Make("Sun only, both sets and a holiday file", sundayOnly, [new UsFederalHolidays(), new EnglandWalesBankHolidays()], file),
            Make("Sat-Sun, no holidays", saturdaySunday, []),
            Make("Wednesdays only, us-federal", allButWednesday, [new UsFederalHolidays()]),
        ];

        static Configuration Make(string name, DayOfWeek[] weekend, IHolidaySet[] sets, HolidayFile? file = null) =>
            new(
                name,
                new BusinessCalendar(weekend, sets, file),
                file is null ? new ReferenceCalendar(weekend, sets) : ReferenceCalendar.From(weekend, sets, file));
    }

    public sealed record Case(int Configuration, DateOnly Start, DateOnly End, int Days);

    public sealed record RandomCalendarCase(int WeekendMask, DateOnly Origin, int[] HolidayOffsets, (int Start, int End, int Days)[] Queries);

    private sealed record Configuration(string Name, BusinessCalendar Calendar, ReferenceCalendar Reference);
}
