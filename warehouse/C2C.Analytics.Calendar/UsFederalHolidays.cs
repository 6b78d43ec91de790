namespace C2C.Analytics.Calendar;

/// <summary>
/// United States federal holidays (5 U.S.C. 6103), as the U.S. Office of Personnel Management lists them: the
/// eleven holidays, Juneteenth from 2021 on, and the observed-day rule: a holiday on a Saturday is observed on
/// the Friday before, one on a Sunday on the Monday after.
/// </summary>
/// <remarks>
/// <para>
/// Only the day off is listed. When a holiday is moved, the list holds the observed day, named
/// "… (observed)", and not the weekend day itself (which is not a business day anyway under a Saturday–Sunday
/// weekend). The observed-day rule is the statute's and does not depend on the weekend days configured for the
/// calendar.
/// </para>
/// <para>
/// New Year's Day across the year boundary: when 1 January falls on a Saturday, it is observed on Friday
/// 31 December of the previous year. That day is listed under the year it falls in: the list for 2021 ends with
/// "New Year's Day (observed)" on 2021-12-31, and the list for 2022 has no New Year's Day. So the calendar, which
/// asks every year for its own days, contains the observed date whatever year it falls in.
/// </para>
/// <para>
/// The rules are today's, applied to every year (1900–9999); the historical changes (MLK Day only from 1986,
/// Veterans Day in October 1971–1977, fixed-date Washington's Birthday before 1971, and so on) and one-off days
/// (a day of mourning, an extra Christmas Eve by executive order) are not modelled: put them in the holiday file.
/// </para>
/// </remarks>
public sealed class UsFederalHolidays : IHolidaySet
{
    /// <summary>Configuration name of this set.</summary>
    public const string SetName = "us-federal";

    /// <summary>The first year Juneteenth National Independence Day is a federal holiday.</summary>
    public const int JuneteenthFirstYear = 2021;

    public string Name => SetName;

    public IReadOnlyList<Holiday> GetHolidays(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var days = new List<Holiday>(12);
        // New Year's Day of this year: a Saturday moves it to 31 December of the previous year (listed there).
        AddObserved(days, year, new DateOnly(year, 1, 1), "New Year's Day");
        days.Add(Day(DateRules.NthWeekday(year, 1, DayOfWeek.Monday, 3), "Birthday of Martin Luther King, Jr."));
        days.Add(Day(DateRules.NthWeekday(year, 2, DayOfWeek.Monday, 3), "Washington's Birthday"));
        days.Add(Day(DateRules.LastWeekday(year, 5, DayOfWeek.Monday), "Memorial Day"));
        if (year >= JuneteenthFirstYear)
        {
            AddObserved(days, year, new DateOnly(year, 6, 19), "Juneteenth National Independence Day");
        }

        AddObserved(days, year, new DateOnly(year, 7, 4), "Independence Day");
        days.Add(Day(DateRules.NthWeekday(year, 9, DayOfWeek.Monday, 1), "Labor Day"));
        days.Add(Day(DateRules.NthWeekday(year, 10, DayOfWeek.Monday, 2), "Columbus Day"));
        AddObserved(days, year, new DateOnly(year, 11, 11), "Veterans Day");
        days.Add(Day(DateRules.NthWeekday(year, 11, DayOfWeek.Thursday, 4), "Thanksgiving Day"));
        AddObserved(days, year, new DateOnly(year, 12, 25), "Christmas Day");

        // New Year's Day of the next year falls on a Saturday exactly when 31 December of this year is a Friday;
        // it is then observed today. (Computed from this year's date so that 9999-12-31 works too.)
        var newYearsEve = new DateOnly(year, 12, 31);
        if (newYearsEve.DayOfWeek == DayOfWeek.Friday)
        {
            days.Add(Day(newYearsEve, "New Year's Day (observed)"));
        }

        return days;
    }

    private static void AddObserved(List<Holiday> days, int year, DateOnly actual, string name)
    {
        var observed = actual.DayOfWeek switch
        {
            DayOfWeek.Saturday => actual.AddDays(-1),
            DayOfWeek.Sunday => actual.AddDays(1),
            _ => actual,
        };
        if (observed.Year == year)
        {
            days.Add(Day(observed, observed == actual ? name : $"{name} (observed)"));
        }
    }

    private static Holiday Day(DateOnly date, string name) => new(date, name, SetName);
}
