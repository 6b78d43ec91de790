namespace C2C.Analytics.Calendar.Tests;

public class EnglandWalesBankHolidaysTests
{
    private readonly EnglandWalesBankHolidays _set = new();

    public static TheoryData<int, DateOnly, DateOnly> EasterHolidays => new()
    {
        // Easter Sunday 31 March 2024, 20 April 2025, 5 April 2026 (GOV.UK bank holiday lists).
        { 2024, new DateOnly(2024, 3, 29), new DateOnly(2024, 4, 1) },
        { 2025, new DateOnly(2025, 4, 18), new DateOnly(2025, 4, 21) },
        { 2026, new DateOnly(2026, 4, 3), new DateOnly(2026, 4, 6) },
    };

    [Theory]
    [MemberData(nameof(EasterHolidays))]
    public void Good_Friday_and_Easter_Monday_follow_Easter(int year, DateOnly goodFriday, DateOnly easterMonday)
    {
        var days = _set.GetHolidays(year);
        Assert.Contains(days, h => h.Date == goodFriday && h.Name == "Good Friday");
        Assert.Contains(days, h => h.Date == easterMonday && h.Name == "Easter Monday");
    }

    [Fact]
    public void The_2024_list_matches_GOV_UK()
    {
        // Mon Jan 1; Easter (above); 1st Mon May: May 1 is a Wednesday -> 6; last Mon May: 31st is a Friday -> 27;
        // last Mon Aug: 31st is a Saturday -> 26; Christmas Wed 25, Boxing Day Thu 26.
        Assert.Equal(
            new DateOnly[] { new(2024, 1, 1), new(2024, 3, 29), new(2024, 4, 1), new(2024, 5, 6), new(2024, 5, 27), new(2024, 8, 26), new(2024, 12, 25), new(2024, 12, 26) },
            _set.GetHolidays(2024).Select(h => h.Date));
    }

    [Fact]
    public void The_2026_list_matches_GOV_UK_with_the_Boxing_Day_substitute()
    {
        // Thu Jan 1; Good Friday Apr 3, Easter Monday Apr 6; May 1 is a Friday -> 1st Monday May 4; May 31 is a
        // Sunday -> last Monday 25; Aug 31 is a Monday -> 31; Christmas Fri 25, Boxing Day Sat 26 -> Mon 28.
        var expected = new (DateOnly, string)[]
        {
            (new(2026, 1, 1), "New Year's Day"),
            (new(2026, 4, 3), "Good Friday"),
            (new(2026, 4, 6), "Easter Monday"),
            (new(2026, 5, 4), "Early May bank holiday"),
            (new(2026, 5, 25), "Spring bank holiday"),
            (new(2026, 8, 31), "Summer bank holiday"),
            (new(2026, 12, 25), "Christmas Day"),
            (new(2026, 12, 28), "Boxing Day (substitute day)"),
        };

        Assert.Equal(expected, _set.GetHolidays(2026).Select(h => (h.Date, h.Name)));
    }

    [Fact]
    public void Christmas_on_a_Saturday_moves_to_Monday_27_and_Boxing_Day_to_Tuesday_28()
    {
        // 25 December 2021 is a Saturday (GOV.UK 2021: 27 and 28 December, substitute days).
        var christmas = _set.GetHolidays(2021).Where(h => h.Date.Month == 12).Select(h => (h.Date, h.Name));
        Assert.Equal(
            new (DateOnly, string)[] { (new(2021, 12, 27), "Christmas Day (substitute day)"), (new(2021, 12, 28), "Boxing Day (substitute day)") },
            christmas);
    }

    [Fact]
    public void Christmas_on_a_Sunday_keeps_Boxing_Day_on_Monday_26_and_moves_Christmas_to_Tuesday_27()
    {
        // 25 December 2022 is a Sunday (GOV.UK 2022: 26 December Boxing Day, 27 December Christmas substitute).
        var christmas = _set.GetHolidays(2022).Where(h => h.Date.Month == 12).Select(h => (h.Date, h.Name));
        Assert.Equal(
            new (DateOnly, string)[] { (new(2022, 12, 26), "Boxing Day"), (new(2022, 12, 27), "Christmas Day (substitute day)") },
            christmas);
    }

    [Fact]
    public void New_Years_Day_on_a_weekend_is_replaced_by_the_next_Monday()
    {
        // 1 January 2022 is a Saturday -> Monday 3 January; 1 January 2023 is a Sunday -> Monday 2 January.
        Assert.Equal((new DateOnly(2022, 1, 3), "New Year's Day (substitute day)"), First(2022));
        Assert.Equal((new DateOnly(2023, 1, 2), "New Year's Day (substitute day)"), First(2023));
    }

    [Fact]
    public void Every_year_has_eight_distinct_weekdays_inside_the_year()
    {
        for (var year = 1900; year <= 9999; year++)
        {
            var days = _set.GetHolidays(year);
            Assert.Equal(8, days.Select(h => h.Date).Distinct().Count());
            Assert.All(days, h => Assert.Equal(year, h.Date.Year));
            Assert.All(days, h => Assert.True(h.Date.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday, $"{h} is on a weekend"));
        }
    }

    private (DateOnly, string) First(int year)
    {
        var first = _set.GetHolidays(year)[0];
        return (first.Date, first.Name);
    }
}
