namespace C2C.Analytics.Calendar.Tests;

public class UsFederalHolidaysTests
{
    private readonly UsFederalHolidays _set = new();

    [Fact]
    public void The_2026_list_matches_the_OPM_schedule()
    {
        // OPM 2026: Thu Jan 1; MLK 3rd Mon Jan (Mondays 5, 12, 19); Washington 3rd Mon Feb (2, 9, 16); Memorial last
        // Mon May (25; the 31st is a Sunday); Juneteenth Fri Jun 19; July 4 is a Saturday -> observed Fri Jul 3;
        // Labor 1st Mon Sep (Sep 1 is a Tuesday -> 7); Columbus 2nd Mon Oct (5, 12); Veterans Wed Nov 11;
        // Thanksgiving 4th Thu Nov (5, 12, 19, 26); Christmas Fri Dec 25. Dec 31 2026 is a Thursday: no extra day.
        var expected = new (DateOnly, string)[]
        {
            (new(2026, 1, 1), "New Year's Day"),
            (new(2026, 1, 19), "Birthday of Martin Luther King, Jr."),
            (new(2026, 2, 16), "Washington's Birthday"),
            (new(2026, 5, 25), "Memorial Day"),
            (new(2026, 6, 19), "Juneteenth National Independence Day"),
            (new(2026, 7, 3), "Independence Day (observed)"),
            (new(2026, 9, 7), "Labor Day"),
            (new(2026, 10, 12), "Columbus Day"),
            (new(2026, 11, 11), "Veterans Day"),
            (new(2026, 11, 26), "Thanksgiving Day"),
            (new(2026, 12, 25), "Christmas Day"),
        };

        Assert.Equal(expected, _set.GetHolidays(2026).Select(h => (h.Date, h.Name)));
        Assert.All(_set.GetHolidays(2026), h => Assert.Equal("us-federal", h.Source));
    }

    [Fact]
    public void Independence_Day_on_a_Saturday_is_observed_the_Friday_before_and_on_a_Sunday_the_Monday_after()
    {
        // 4 July 2026 is a Saturday -> Friday 3 July; 4 July 2027 is a Sunday -> Monday 5 July.
        Assert.Contains(_set.GetHolidays(2026), h => h.Date == new DateOnly(2026, 7, 3) && h.Name == "Independence Day (observed)");
        Assert.Contains(_set.GetHolidays(2027), h => h.Date == new DateOnly(2027, 7, 5) && h.Name == "Independence Day (observed)");
        Assert.DoesNotContain(_set.GetHolidays(2026), h => h.Date == new DateOnly(2026, 7, 4));
        Assert.DoesNotContain(_set.GetHolidays(2027), h => h.Date == new DateOnly(2027, 7, 4));
    }

    [Fact]
    public void New_Years_Day_on_a_Saturday_is_listed_under_the_previous_year_on_31_December()
    {
        // 1 January 2022 is a Saturday: OPM observed it on Friday 31 December 2021. Christmas 2021 is also a
        // Saturday -> Friday 24 December 2021.
        var y2021 = _set.GetHolidays(2021);
        Assert.Contains(y2021, h => h.Date == new DateOnly(2021, 12, 24) && h.Name == "Christmas Day (observed)");
        Assert.Contains(y2021, h => h.Date == new DateOnly(2021, 12, 31) && h.Name == "New Year's Day (observed)");

        // ... so 2022 has no New Year's Day at all; its first holiday is MLK Day, 3rd Monday (3, 10, 17).
        var y2022 = _set.GetHolidays(2022);
        Assert.Equal(new DateOnly(2022, 1, 17), y2022[0].Date);
        Assert.DoesNotContain(y2022, h => h.Name.StartsWith("New Year's Day", StringComparison.Ordinal));
    }

    [Fact]
    public void New_Years_Day_on_a_Sunday_is_observed_on_Monday_2_January()
    {
        // 1 January 2023 is a Sunday -> Monday 2 January 2023.
        Assert.Equal(
            (new DateOnly(2023, 1, 2), "New Year's Day (observed)"),
            _set.GetHolidays(2023).Select(h => (h.Date, h.Name)).First());
    }

    [Fact]
    public void Juneteenth_is_a_holiday_from_2021_only()
    {
        // 19 June 2021 is a Saturday -> observed Friday 18 June 2021 (the first one, signed into law on 17 June).
        Assert.Contains(_set.GetHolidays(2021), h => h.Date == new DateOnly(2021, 6, 18) && h.Name == "Juneteenth National Independence Day (observed)");
        Assert.DoesNotContain(_set.GetHolidays(2020), h => h.Name.StartsWith("Juneteenth", StringComparison.Ordinal));
        Assert.Equal(10, _set.GetHolidays(2020).Count);
    }

    [Fact]
    public void The_last_supported_year_observes_the_next_New_Years_Day_on_31_December_9999()
    {
        // 9999 = 1999 + 8000 and the Gregorian calendar repeats every 400 years, so 31 December 9999 is a Friday
        // like 31 December 1999 (1 January 2000 was a Saturday). 1 January 10000 would be a Saturday.
        var last = _set.GetHolidays(9999)[^1];
        Assert.Equal((new DateOnly(9999, 12, 31), "New Year's Day (observed)"), (last.Date, last.Name));
    }

    [Fact]
    public void Every_year_lists_only_weekdays_inside_that_year_in_date_order()
    {
        for (var year = 1900; year <= 9999; year++)
        {
            var days = _set.GetHolidays(year);
            Assert.All(days, h => Assert.Equal(year, h.Date.Year));
            Assert.All(days, h => Assert.NotEqual(DayOfWeek.Saturday, h.Date.DayOfWeek));
            Assert.All(days, h => Assert.NotEqual(DayOfWeek.Sunday, h.Date.DayOfWeek));
            Assert.Equal(days.OrderBy(h => h.Date).ToList(), days);
        }
    }
}
