namespace C2C.Analytics.Calendar.Tests;

/// <summary>
/// Hand-checked cases. Every expected value was counted by hand on a printed calendar of the month (the comment
/// next to it gives the count), not taken from the code.
/// </summary>
public class BusinessCalendarTests
{
    private static readonly DayOfWeek[] SaturdaySunday = [DayOfWeek.Saturday, DayOfWeek.Sunday];
    private static readonly DayOfWeek[] FridaySaturday = [DayOfWeek.Friday, DayOfWeek.Saturday];

    private readonly BusinessCalendar _us = new(SaturdaySunday, [new UsFederalHolidays()]);
    private readonly BusinessCalendar _uk = new(SaturdaySunday, [new EnglandWalesBankHolidays()]);

    // ---- Thanksgiving ----

    [Fact]
    public void Thanksgiving_week_2025_has_four_business_days()
    {
        // Mon 24 - Sun 30 Nov 2025: Thanksgiving Thu 27; Fri 28 is not a federal holiday. Mon, Tue, Wed, Fri = 4.
        Assert.Equal(4, _us.NetworkDays(D(2025, 11, 24), D(2025, 11, 30)));
        // Wed 26 + 1: Thu 27 holiday -> Fri 28. Wed 26 + 2: Sat, Sun -> Mon 1 Dec.
        Assert.Equal(D(2025, 11, 28), _us.WorkDay(D(2025, 11, 26), 1));
        Assert.Equal(D(2025, 12, 1), _us.WorkDay(D(2025, 11, 26), 2));
        Assert.True(_us.IsHoliday(D(2025, 11, 27), out var name));
        Assert.Equal("Thanksgiving Day", name);
    }

    [Fact]
    public void Thanksgiving_week_2026_skips_Thursday_26_November()
    {
        // Thanksgiving 2026 is Thu 26 Nov. Mon 23 - Fri 27: Mon, Tue, Wed, Fri = 4.
        Assert.Equal(4, _us.NetworkDays(D(2026, 11, 23), D(2026, 11, 27)));
        // Wed 25 + 1 -> Fri 27; Fri 27 - 1 -> Wed 25 (Thu 26 skipped backwards too).
        Assert.Equal(D(2026, 11, 27), _us.WorkDay(D(2026, 11, 25), 1));
        Assert.Equal(D(2026, 11, 25), _us.WorkDay(D(2026, 11, 27), -1));
        // Cycle time from Wed 25 to Mon 30: Thu 26 (holiday), Fri 27 (1), Sat, Sun, Mon 30 (2) = 2.
        Assert.Equal(2, _us.BusinessDaysBetween(D(2026, 11, 25), D(2026, 11, 30)));
    }

    // ---- Christmas and New Year across the year boundary ----

    [Fact]
    public void WorkDay_across_Christmas_2026_and_New_Year_2027()
    {
        // Christmas is Fri 25 Dec 2026, New Year's Day Fri 1 Jan 2027.
        // Wed 23 + 3: Thu 24 (1), Fri 25 holiday, Sat, Sun, Mon 28 (2), Tue 29 (3) -> 29 Dec.
        Assert.Equal(D(2026, 12, 29), _us.WorkDay(D(2026, 12, 23), 3));
        // Wed 23 + 7: 24 (1), 28 (2), 29 (3), 30 (4), 31 (5), Fri 1 Jan holiday, Sat, Sun, Mon 4 (6), Tue 5 (7).
        Assert.Equal(D(2027, 1, 5), _us.WorkDay(D(2026, 12, 23), 7));
        // Mon 4 Jan 2027 - 2: Sun, Sat, Fri 1 holiday, Thu 31 (1), Wed 30 (2).
        Assert.Equal(D(2026, 12, 30), _us.WorkDay(D(2027, 1, 4), -2));
    }

    [Fact]
    public void NetworkDays_across_Christmas_2026_and_New_Year_2027()
    {
        // Mon 21 Dec 2026 - Fri 8 Jan 2027: 21, 22, 23, 24 (4), 25 holiday, 28, 29, 30, 31 (4), 1 Jan holiday,
        // 4, 5, 6, 7, 8 (5) = 13.
        Assert.Equal(13, _us.NetworkDays(D(2026, 12, 21), D(2027, 1, 8)));
        Assert.Equal(-13, _us.NetworkDays(D(2027, 1, 8), D(2026, 12, 21)));
    }

    [Fact]
    public void New_Year_2022_observed_on_Friday_31_December_2021_is_in_the_calendar()
    {
        // 2021: Christmas Sat 25 -> Fri 24; New Year's Day Sat 1 Jan 2022 -> Fri 31 Dec 2021.
        Assert.True(_us.IsHoliday(D(2021, 12, 31), out var name));
        Assert.Equal("New Year's Day (observed)", name);
        Assert.False(_us.IsHoliday(D(2022, 1, 1)));
        // Thu 30 Dec 2021 + 1: Fri 31 holiday, Sat 1, Sun 2 -> Mon 3 Jan 2022.
        Assert.Equal(D(2022, 1, 3), _us.WorkDay(D(2021, 12, 30), 1));
        // Thu 23 Dec 2021 + 1: Fri 24 holiday, Sat, Sun -> Mon 27.
        Assert.Equal(D(2021, 12, 27), _us.WorkDay(D(2021, 12, 23), 1));
        // Mon 20 Dec 2021 - Fri 7 Jan 2022: 20-23 (4), 24 hol, 27-30 (4), 31 hol, 3-7 Jan (5) = 13.
        Assert.Equal(13, _us.NetworkDays(D(2021, 12, 20), D(2022, 1, 7)));
    }

    // ---- Easter (England and Wales) ----

    [Fact]
    public void Easter_2026_in_England_and_Wales_takes_Good_Friday_and_Easter_Monday_out()
    {
        // Good Friday 3 Apr 2026, Easter Monday 6 Apr. Thu 2 + 1: Fri 3, Sat, Sun, Mon 6 -> Tue 7.
        Assert.Equal(D(2026, 4, 7), _uk.WorkDay(D(2026, 4, 2), 1));
        // Mon 30 Mar - Fri 10 Apr: 30, 31, 1, 2 (4) + 7, 8, 9, 10 (4) = 8.
        Assert.Equal(8, _uk.NetworkDays(D(2026, 3, 30), D(2026, 4, 10)));
        // The same fortnight under US federal holidays has no holiday: 10.
        Assert.Equal(10, _us.NetworkDays(D(2026, 3, 30), D(2026, 4, 10)));
    }

    [Fact]
    public void Easter_2024_and_2025_in_England_and_Wales()
    {
        // 2024: Good Friday 29 Mar, Easter Monday 1 Apr. Thu 28 Mar + 1 -> Tue 2 Apr.
        Assert.Equal(D(2024, 4, 2), _uk.WorkDay(D(2024, 3, 28), 1));
        // 2025: Good Friday 18 Apr, Easter Monday 21 Apr. Tue 22 Apr - 1: Mon 21, Sun, Sat, Fri 18 -> Thu 17.
        Assert.Equal(D(2025, 4, 17), _uk.WorkDay(D(2025, 4, 22), -1));
    }

    // ---- Observed holidays ----

    [Fact]
    public void Independence_Day_2026_on_a_Saturday_takes_Friday_3_July_off()
    {
        Assert.True(_us.IsHoliday(D(2026, 7, 3), out var name));
        Assert.Equal("Independence Day (observed)", name);
        Assert.False(_us.IsBusinessDay(D(2026, 7, 3)));
        // Thu 2 + 1: Fri 3 holiday, Sat 4, Sun 5 -> Mon 6.
        Assert.Equal(D(2026, 7, 6), _us.WorkDay(D(2026, 7, 2), 1));
        // Mon 29 Jun - Fri 10 Jul: 29, 30, 1, 2 (4), 3 holiday, 6-10 (5) = 9.
        Assert.Equal(9, _us.NetworkDays(D(2026, 6, 29), D(2026, 7, 10)));
    }

    [Fact]
    public void Independence_Day_2027_on_a_Sunday_takes_Monday_5_July_off()
    {
        Assert.True(_us.IsHoliday(D(2027, 7, 5), out var name));
        Assert.Equal("Independence Day (observed)", name);
        // Fri 2 Jul 2027 + 1: Sat 3, Sun 4, Mon 5 holiday -> Tue 6.
        Assert.Equal(D(2027, 7, 6), _us.WorkDay(D(2027, 7, 2), 1));
    }

    // ---- Weekends, holidays and the edges of WORKDAY / NETWORKDAYS ----

    [Fact]
    public void WorkDay_with_zero_days_returns_the_start_even_on_a_weekend_or_a_holiday()
    {
        Assert.Equal(D(2026, 7, 4), _us.WorkDay(D(2026, 7, 4), 0)); // Saturday
        Assert.Equal(D(2026, 7, 3), _us.WorkDay(D(2026, 7, 3), 0)); // observed holiday
        Assert.Equal(D(2026, 7, 7), _us.WorkDay(D(2026, 7, 7), 0)); // Tuesday
    }

    [Fact]
    public void WorkDay_from_a_weekend_start_counts_from_the_next_or_previous_business_day()
    {
        // Sat 4 Jul 2026 + 1 -> Mon 6; Sat 4 - 1: Fri 3 holiday -> Thu 2. Sun 12 Jul + 1 -> Mon 13; - 1 -> Fri 10.
        Assert.Equal(D(2026, 7, 6), _us.WorkDay(D(2026, 7, 4), 1));
        Assert.Equal(D(2026, 7, 2), _us.WorkDay(D(2026, 7, 4), -1));
        Assert.Equal(D(2026, 7, 13), _us.WorkDay(D(2026, 7, 12), 1));
        Assert.Equal(D(2026, 7, 10), _us.WorkDay(D(2026, 7, 12), -1));
    }

    [Fact]
    public void WorkDay_from_a_holiday_start_does_not_count_the_start()
    {
        // Fri 3 Jul 2026 (observed) + 1 -> Mon 6; - 1 -> Thu 2. Thu 26 Nov 2026 (Thanksgiving) + 1 -> Fri 27.
        Assert.Equal(D(2026, 7, 6), _us.WorkDay(D(2026, 7, 3), 1));
        Assert.Equal(D(2026, 7, 2), _us.WorkDay(D(2026, 7, 3), -1));
        Assert.Equal(D(2026, 11, 27), _us.WorkDay(D(2026, 11, 26), 1));
    }

    [Fact]
    public void WorkDay_with_negative_days_goes_backwards()
    {
        // Tue 14 Jul 2026 - 5: Mon 13 (1), Fri 10 (2), Thu 9 (3), Wed 8 (4), Tue 7 (5).
        Assert.Equal(D(2026, 7, 7), _us.WorkDay(D(2026, 7, 14), -5));
        // Tue 7 Jul - 5: Mon 6 (1), Fri 3 holiday, Thu 2 (2), Wed 1 (3), Tue 30 Jun (4), Mon 29 Jun (5).
        Assert.Equal(D(2026, 6, 29), _us.WorkDay(D(2026, 7, 7), -5));
    }

    [Fact]
    public void NetworkDays_with_start_and_end_on_weekends_and_holidays()
    {
        // Sat 4 - Sun 5 Jul 2026: 0. Sat 27 Jun - Sun 5 Jul: 29, 30, 1, 2 (4), Fri 3 holiday = 4.
        Assert.Equal(0, _us.NetworkDays(D(2026, 7, 4), D(2026, 7, 5)));
        Assert.Equal(4, _us.NetworkDays(D(2026, 6, 27), D(2026, 7, 5)));
        // Fri 3 (holiday) - Mon 6: only Mon 6 = 1. Thu 25 Dec 2025 (holiday) alone: 0.
        Assert.Equal(1, _us.NetworkDays(D(2026, 7, 3), D(2026, 7, 6)));
        Assert.Equal(0, _us.NetworkDays(D(2025, 12, 25), D(2025, 12, 25)));
    }

    [Fact]
    public void NetworkDays_is_negative_when_the_end_is_before_the_start()
    {
        // Fri 10 Jul 2026 back to Mon 29 Jun: 29, 30, 1, 2, (3 holiday), 6, 7, 8, 9, 10 = 9 -> -9.
        Assert.Equal(-9, _us.NetworkDays(D(2026, 7, 10), D(2026, 6, 29)));
        // Mon 6 back to Sat 4: only Mon 6 -> -1.
        Assert.Equal(-1, _us.NetworkDays(D(2026, 7, 6), D(2026, 7, 4)));
    }

    [Fact]
    public void Start_equal_to_end()
    {
        // Tue 7 Jul 2026 is a business day, Sat 4 a weekend day, Fri 3 a holiday.
        Assert.Equal(1, _us.NetworkDays(D(2026, 7, 7), D(2026, 7, 7)));
        Assert.Equal(0, _us.NetworkDays(D(2026, 7, 4), D(2026, 7, 4)));
        Assert.Equal(0, _us.NetworkDays(D(2026, 7, 3), D(2026, 7, 3)));
        Assert.Equal(0, _us.BusinessDaysBetween(D(2026, 7, 7), D(2026, 7, 7)));
        Assert.Equal(0, _us.BusinessDaysBetween(D(2026, 7, 4), D(2026, 7, 4)));
    }

    [Fact]
    public void BusinessDaysBetween_counts_business_days_after_the_start_up_to_and_including_the_end()
    {
        // (Thu 2 Jul, Mon 6 Jul 2026]: Fri 3 holiday, Sat, Sun, Mon 6 = 1. (Mon 6, Fri 10]: 7, 8, 9, 10 = 4.
        Assert.Equal(1, _us.BusinessDaysBetween(D(2026, 7, 2), D(2026, 7, 6)));
        Assert.Equal(4, _us.BusinessDaysBetween(D(2026, 7, 6), D(2026, 7, 10)));
        // Activated on Sat 4 (weekend), completed Mon 6: 1. Reversed: -1.
        Assert.Equal(1, _us.BusinessDaysBetween(D(2026, 7, 4), D(2026, 7, 6)));
        Assert.Equal(-1, _us.BusinessDaysBetween(D(2026, 7, 6), D(2026, 7, 4)));
        // (Fri 3, Sun 5]: nothing = 0.
        Assert.Equal(0, _us.BusinessDaysBetween(D(2026, 7, 3), D(2026, 7, 5)));
    }

    [Fact]
    public void BusinessDaysBetween_is_the_difference_of_business_day_indexes()
    {
        // 29 Jun 2026 .. 10 Jul 2026: index difference = business days in (29 Jun, 10 Jul] = 9 - 1 (29 Jun itself).
        Assert.Equal(8, _us.BusinessDayIndex(D(2026, 7, 10)) - _us.BusinessDayIndex(D(2026, 6, 29)));
        Assert.Equal(8, _us.BusinessDaysBetween(D(2026, 6, 29), D(2026, 7, 10)));
    }

    [Fact]
    public void A_holiday_on_a_weekend_changes_nothing()
    {
        // Adding Sat 15 Aug 2026 as a holiday: Mon 10 - Fri 21 Aug still has 10 business days, Fri 14 + 1 is still Mon 17.
        var file = HolidayFile.Parse(new StringReader("date,name\n2026-08-15,Company picnic\n"), "holidays.csv");
        var withWeekendHoliday = new BusinessCalendar(SaturdaySunday, [new UsFederalHolidays()], file);

        Assert.True(withWeekendHoliday.IsHoliday(D(2026, 8, 15)));
        Assert.True(withWeekendHoliday.IsWeekend(D(2026, 8, 15)));
        Assert.Equal(10, withWeekendHoliday.NetworkDays(D(2026, 8, 10), D(2026, 8, 21)));
        Assert.Equal(D(2026, 8, 17), withWeekendHoliday.WorkDay(D(2026, 8, 14), 1));
        Assert.Equal(_us.BusinessDayIndex(D(2026, 12, 31)), withWeekendHoliday.BusinessDayIndex(D(2026, 12, 31)));
    }

    // ---- Friday / Saturday weekend ----

    [Fact]
    public void A_Friday_Saturday_weekend_works_Sunday_to_Thursday()
    {
        var calendar = new BusinessCalendar(FridaySaturday, []);
        // Thu 2 Jul 2026 + 1: Fri 3, Sat 4 -> Sun 5. Sun 5 - 1 -> Thu 2.
        Assert.Equal(D(2026, 7, 5), calendar.WorkDay(D(2026, 7, 2), 1));
        Assert.Equal(D(2026, 7, 2), calendar.WorkDay(D(2026, 7, 5), -1));
        // Sun 5 - Sat 11 Jul: Sun, Mon, Tue, Wed, Thu = 5.
        Assert.Equal(5, calendar.NetworkDays(D(2026, 7, 5), D(2026, 7, 11)));
        Assert.True(calendar.IsBusinessDay(D(2026, 7, 5)));
        Assert.False(calendar.IsBusinessDay(D(2026, 7, 3)));
    }

    [Fact]
    public void A_Friday_Saturday_weekend_with_US_holidays_on_Fridays_changes_nothing_and_Mondays_still_count()
    {
        var calendar = new BusinessCalendar(FridaySaturday, [new UsFederalHolidays()]);
        // Christmas Fri 25 Dec 2026 is a weekend day here anyway: Thu 24 + 1 -> Sun 27.
        Assert.Equal(D(2026, 12, 27), calendar.WorkDay(D(2026, 12, 24), 1));
        // Independence Day 2027 observed Mon 5 Jul: Sun 4 + 1: Mon 5 holiday -> Tue 6.
        Assert.Equal(D(2027, 7, 6), calendar.WorkDay(D(2027, 7, 4), 1));
    }

    // ---- Holiday file ----

    [Fact]
    public void A_holiday_file_adds_a_shutdown_week_and_removes_a_built_in_day()
    {
        var file = HolidayFile.Parse(
            new StringReader("""
                date,name,action
                2026-12-28,Year-end shutdown
                2026-12-29,Year-end shutdown
                2026-12-30,Year-end shutdown
                2026-12-31,Year-end shutdown
                2026-10-12,Columbus Day (office open),remove
                """),
            "holidays.csv");
        var calendar = new BusinessCalendar(SaturdaySunday, [new UsFederalHolidays()], file);

        // Wed 23 Dec + 3: Thu 24 (1), Fri 25 Christmas, Sat, Sun, 28-31 shutdown, Fri 1 Jan holiday, Sat, Sun,
        // Mon 4 Jan (2), Tue 5 Jan (3).
        Assert.Equal(D(2027, 1, 5), calendar.WorkDay(D(2026, 12, 23), 3));
        // Mon 21 Dec - Fri 8 Jan: 21-24 (4) + 4-8 Jan (5) = 9.
        Assert.Equal(9, calendar.NetworkDays(D(2026, 12, 21), D(2027, 1, 8)));
        Assert.True(calendar.IsHoliday(D(2026, 12, 29), out var name));
        Assert.Equal("Year-end shutdown", name);

        // Columbus Day, Mon 12 Oct 2026, is a working day now: Mon 12 - Fri 16 = 5 (4 under plain US federal).
        Assert.True(calendar.IsBusinessDay(D(2026, 10, 12)));
        Assert.False(calendar.IsHoliday(D(2026, 10, 12)));
        Assert.Equal(5, calendar.NetworkDays(D(2026, 10, 12), D(2026, 10, 16)));
        Assert.Equal(4, _us.NetworkDays(D(2026, 10, 12), D(2026, 10, 16)));
        // Only 2026 changes: Columbus Day 2027 (2nd Monday: 4, 11 -> 11 Oct) is still a holiday.
        Assert.True(calendar.IsHoliday(D(2027, 10, 11)));

        // The 2026 list: the ten other US days plus the four shutdown days.
        var holidays2026 = calendar.HolidaysInYear(2026);
        Assert.DoesNotContain(holidays2026, h => h.Name == "Columbus Day");
        Assert.Equal(4, holidays2026.Count(h => h.Source == HolidayFile.SourceName && h.Name == "Year-end shutdown"));
        Assert.Equal(14, holidays2026.Count);
    }

    [Fact]
    public void A_removal_where_no_built_in_holiday_falls_is_a_bad_row()
    {
        // 5 Jul 2026 is a Sunday; Independence Day is observed on Fri 3 Jul, so there is nothing to remove on the 5th.
        var file = HolidayFile.Parse(new StringReader("date,name,action\n2026-07-05,Not a holiday,remove\n"), "holidays.csv");
        var ex = Assert.Throws<HolidayFileException>(() => new BusinessCalendar(SaturdaySunday, [new UsFederalHolidays()], file));
        Assert.Equal(
            new HolidayFileError(2, "nothing to remove: no built-in holiday falls on 2026-07-05 (built-in sets: us-federal)"),
            Assert.Single(ex.Errors));
    }

    [Fact]
    public void FromOptions_reports_parse_errors_and_bad_removals_of_the_holiday_file_together_and_builds_nothing()
    {
        var directory = Directory.CreateTempSubdirectory("c2c-calendar-");
        try
        {
            File.WriteAllText(
                Path.Combine(directory.FullName, "holidays.csv"),
                "date,name,action\n2026-07-06,Bridge day,remove\n2026-13-01,Bad month\n");
            var options = new CalendarOptions { HolidayFile = "holidays.csv" };

            var ex = Assert.Throws<HolidayFileException>(() => BusinessCalendar.FromOptions(options, directory.FullName));

            Assert.Equal(Path.Combine(directory.FullName, "holidays.csv"), ex.FilePath);
            Assert.Equal(
                new HolidayFileError[]
                {
                    new(2, "nothing to remove: no built-in holiday falls on 2026-07-06 (built-in sets: us-federal)"),
                    new(3, "unparseable date '2026-13-01' (expected yyyy-MM-dd, e.g. 2026-12-24)"),
                },
                ex.Errors);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void FromOptions_builds_the_configured_calendar_with_the_holiday_file()
    {
        var directory = Directory.CreateTempSubdirectory("c2c-calendar-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "holidays.csv"), "date,name\n2026-11-27,Day after Thanksgiving\n");
            var options = new CalendarOptions
            {
                HolidaySets = ["us-federal", "england-wales"],
                HolidayFile = "holidays.csv",
                FiscalYearStartMonth = 10,
                RangeStart = new DateOnly(2026, 1, 1),
                RangeEnd = new DateOnly(2027, 12, 31),
            };

            var calendar = BusinessCalendar.FromOptions(options, directory.FullName);

            // Wed 25 Nov 2026 + 1: Thu 26 Thanksgiving, Fri 27 file day, Sat, Sun -> Mon 30.
            Assert.Equal(D(2026, 11, 30), calendar.WorkDay(D(2026, 11, 25), 1));
            // Tue 29 Dec 2026: US has no holiday, England and Wales' Boxing Day substitute is Mon 28: Fri 25 + 1 -> Tue 29.
            Assert.Equal(D(2026, 12, 29), calendar.WorkDay(D(2026, 12, 25), 1));
            Assert.Equal(10, calendar.FiscalYearStartMonth);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Holidays_shared_by_two_sets_are_one_day_off_with_both_names_once()
    {
        var calendar = new BusinessCalendar(SaturdaySunday, [new UsFederalHolidays(), new EnglandWalesBankHolidays()]);
        // 1 Jan 2026 (Thursday) is New Year's Day in both sets.
        Assert.True(calendar.IsHoliday(D(2026, 1, 1), out var name));
        Assert.Equal("New Year's Day", name);
        // 25 May 2026 is Memorial Day (US) and the Spring bank holiday (E&W).
        Assert.True(calendar.IsHoliday(D(2026, 5, 25), out var both));
        Assert.Equal("Memorial Day; Spring bank holiday", both);
        Assert.Equal(2, calendar.HolidaysInYear(2026).Count(h => h.Date == D(2026, 5, 25)));
    }

    // ---- dim_date enumeration and fiscal periods ----

    [Fact]
    public void Days_enumerates_the_dim_date_rows_with_an_index_counting_from_the_range_start()
    {
        // Thu 2 - Tue 7 Jul 2026: 2 business (1), 3 holiday (1), 4, 5 weekend (1), 6 (2), 7 (3).
        var days = _us.Days(D(2026, 7, 2), D(2026, 7, 7)).ToList();

        Assert.Equal(
            new (DateOnly, bool, string?, bool, int)[]
            {
                (D(2026, 7, 2), false, null, true, 1),
                (D(2026, 7, 3), false, "Independence Day (observed)", false, 1),
                (D(2026, 7, 4), true, null, false, 1),
                (D(2026, 7, 5), true, null, false, 1),
                (D(2026, 7, 6), false, null, true, 2),
                (D(2026, 7, 7), false, null, true, 3),
            },
            days.Select(d => (d.Date, d.IsWeekend, d.HolidayName, d.IsBusinessDay, d.BusinessDayIndex)));
        Assert.True(days[1].IsHoliday);
    }

    [Fact]
    public void Days_starting_on_a_non_business_day_start_the_index_at_zero_and_cross_years()
    {
        // Fri 1 Jan 2027 (holiday), Sat 2, Sun 3, Mon 4 (1); from Thu 31 Dec 2026: 31 (1), 1-3 (1), 4 (2).
        Assert.Equal([0, 0, 0, 1], _us.Days(D(2027, 1, 1), D(2027, 1, 4)).Select(d => d.BusinessDayIndex));
        Assert.Equal([1, 1, 1, 1, 2], _us.Days(D(2026, 12, 31), D(2027, 1, 4)).Select(d => d.BusinessDayIndex));
    }

    [Fact]
    public void Fiscal_year_is_named_after_the_year_it_ends_in()
    {
        var october = new BusinessCalendar(SaturdaySunday, [], fiscalYearStartMonth: 10);
        // FY starting 1 Oct 2025 ends 30 Sep 2026: FY2026. Oct-Dec = Q1, Jan-Mar = Q2, Jul-Sep = Q4.
        Assert.Equal((2026, 1), (october.FiscalYear(D(2025, 10, 1)), october.FiscalQuarter(D(2025, 10, 1))));
        Assert.Equal((2026, 2), (october.FiscalYear(D(2026, 2, 14)), october.FiscalQuarter(D(2026, 2, 14))));
        Assert.Equal((2026, 4), (october.FiscalYear(D(2026, 9, 30)), october.FiscalQuarter(D(2026, 9, 30))));
        Assert.Equal((2026, 3), (_us.FiscalYear(D(2026, 9, 30)), _us.FiscalQuarter(D(2026, 9, 30))));
    }

    // ---- Range ----

    [Fact]
    public void Dates_before_1900_and_results_past_9999_are_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _us.NetworkDays(D(1899, 12, 31), D(2026, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _us.WorkDay(D(1899, 12, 31), 0));
        // Mon 1 Jan 1900 is the first day; one business day before it is out of range.
        Assert.Throws<ArgumentOutOfRangeException>(() => _us.WorkDay(D(1900, 1, 2), -2));
        Assert.Throws<ArgumentOutOfRangeException>(() => _us.WorkDay(D(9999, 12, 30), 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => _us.WorkDay(D(2026, 1, 1), int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => _us.WorkDay(D(2026, 1, 1), int.MinValue));
    }

    [Fact]
    public void Works_at_both_ends_of_the_supported_range()
    {
        var calendar = new BusinessCalendar(SaturdaySunday, []);
        // 1 Jan 1900 was a Monday: Mon 1 - Fri 5 = 5; Mon 1 + 4 -> Fri 5.
        Assert.Equal(5, calendar.NetworkDays(D(1900, 1, 1), D(1900, 1, 5)));
        Assert.Equal(D(1900, 1, 5), calendar.WorkDay(D(1900, 1, 1), 4));
        Assert.Equal(1, calendar.BusinessDayIndex(D(1900, 1, 1)));
        // 31 Dec 9999 is a Friday (like 31 Dec 1999, 8000 years = 20 Gregorian cycles earlier): Mon 27 - Fri 31 = 5.
        Assert.Equal(5, calendar.NetworkDays(D(9999, 12, 27), D(9999, 12, 31)));
        Assert.Equal(D(9999, 12, 31), calendar.WorkDay(D(9999, 12, 27), 4));
        Assert.Equal(D(9999, 12, 27), calendar.WorkDay(D(9999, 12, 31), -4));
    }

    [Fact]
    public void A_whole_century_of_business_days_spans_many_years_in_one_step()
    {
        // Weekend-only calendar: 1 Jan 2001 (Monday) to 31 Dec 2100. 2001-2100 is 100 years = 36524 days
        // (24 leap years: 2004..2096, 2100 is not leap), 5217 weeks and 5 days; those 5 days start on a Monday
        // (36519 days after a Monday is a Monday), so Mon-Fri: 5217 * 5 + 5 = 26090.
        var calendar = new BusinessCalendar(SaturdaySunday, []);
        Assert.Equal(26090, calendar.NetworkDays(D(2001, 1, 1), D(2100, 12, 31)));
        Assert.Equal(D(2100, 12, 31), calendar.WorkDay(D(2001, 1, 1), 26089));
        Assert.Equal(D(2001, 1, 1), calendar.WorkDay(D(2100, 12, 31), -26089));
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}
