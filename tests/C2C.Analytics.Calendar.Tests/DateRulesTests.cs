namespace C2C.Analytics.Calendar.Tests;

public class DateRulesTests
{
    // Published Easter Sunday dates (Gregorian), including the earliest possible (22 March: 1818, 2285) and the
    // latest possible (25 April: 1943, 2038).
    [Theory]
    [InlineData(1818, 3, 22)]
    [InlineData(1943, 4, 25)]
    [InlineData(1961, 4, 2)]
    [InlineData(2000, 4, 23)]
    [InlineData(2008, 3, 23)]
    [InlineData(2011, 4, 24)]
    [InlineData(2019, 4, 21)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_matches_the_published_date(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateRules.EasterSunday(year));

    [Fact]
    public void EasterSunday_is_a_Sunday_between_22_March_and_25_April_in_every_supported_year()
    {
        for (var year = 1900; year <= 9999; year++)
        {
            var easter = DateRules.EasterSunday(year);
            Assert.Equal(DayOfWeek.Sunday, easter.DayOfWeek);
            Assert.InRange(easter, new DateOnly(year, 3, 22), new DateOnly(year, 4, 25));
        }
    }

    [Fact]
    public void NthWeekday_finds_the_fourth_Thursday_of_November()
    {
        // November 2025 starts on a Saturday: Thursdays 6, 13, 20, 27. November 2026 starts on a Sunday: 5, 12, 19, 26.
        Assert.Equal(new DateOnly(2025, 11, 27), DateRules.NthWeekday(2025, 11, DayOfWeek.Thursday, 4));
        Assert.Equal(new DateOnly(2026, 11, 26), DateRules.NthWeekday(2026, 11, DayOfWeek.Thursday, 4));
    }

    [Fact]
    public void NthWeekday_counts_a_first_day_of_the_month_that_is_the_weekday_itself()
    {
        // 1 June 2026 is a Monday, so it is the first Monday of June.
        Assert.Equal(new DateOnly(2026, 6, 1), DateRules.NthWeekday(2026, 6, DayOfWeek.Monday, 1));
    }

    [Fact]
    public void NthWeekday_rejects_a_fifth_weekday_the_month_does_not_have() =>
        // February 2026 has four Mondays (2, 9, 16, 23).
        Assert.Throws<ArgumentOutOfRangeException>(() => DateRules.NthWeekday(2026, 2, DayOfWeek.Monday, 5));

    [Fact]
    public void LastWeekday_finds_the_last_Monday_of_May_and_August()
    {
        // May 2026 ends on Sunday 31, so the last Monday is 25. August 2026 ends on Monday 31 itself.
        Assert.Equal(new DateOnly(2026, 5, 25), DateRules.LastWeekday(2026, 5, DayOfWeek.Monday));
        Assert.Equal(new DateOnly(2026, 8, 31), DateRules.LastWeekday(2026, 8, DayOfWeek.Monday));
    }
}
