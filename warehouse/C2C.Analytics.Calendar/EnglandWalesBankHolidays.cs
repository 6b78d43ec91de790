namespace C2C.Analytics.Calendar;

/// <summary>
/// Bank holidays in England and Wales (Banking and Financial Dealings Act 1971 and the annual proclamations), as
/// GOV.UK lists them: New Year's Day, Good Friday, Easter Monday, the Early May, Spring and Summer bank
/// holidays, Christmas Day and Boxing Day, with substitute days when a holiday falls on a weekend.
/// </summary>
/// <remarks>
/// <para>
/// Substitute days: New Year's Day on a Saturday or Sunday is replaced by the next Monday. Christmas on a
/// Saturday: Monday 27 (Christmas substitute) and Tuesday 28 (Boxing Day substitute); Christmas on a Sunday:
/// Boxing Day Monday 26 and Tuesday 27 (Christmas substitute); Christmas on a Friday: Boxing Day substitute
/// Monday 28. Only the day off is listed; substitute days are named "… (substitute day)". All days of a year
/// fall in that year.
/// </para>
/// <para>
/// Easter is computed with the anonymous Gregorian algorithm. The rules are today's, applied to every year;
/// one-off days (royal weddings, jubilees, funerals, coronations) and moved days (the Early May bank holiday
/// moved to Friday 8 May 2020 for VE Day, the Spring bank holiday moved for the 2002, 2012 and 2022
/// jubilees) are not invented here: put them in the holiday file (an <c>add</c> row for the new day and a
/// <c>remove</c> row for the built-in day it replaces).
/// </para>
/// </remarks>
public sealed class EnglandWalesBankHolidays : IHolidaySet
{
    /// <summary>Configuration name of this set.</summary>
    public const string SetName = "england-wales";

    private const string Substitute = " (substitute day)";

    public string Name => SetName;

    public IReadOnlyList<Holiday> GetHolidays(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, DateOnly.MinValue.Year);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, DateOnly.MaxValue.Year);

        var days = new List<Holiday>(8);
        var newYear = new DateOnly(year, 1, 1);
        days.Add(newYear.DayOfWeek switch
        {
            DayOfWeek.Saturday => Day(newYear.AddDays(2), "New Year's Day" + Substitute),
            DayOfWeek.Sunday => Day(newYear.AddDays(1), "New Year's Day" + Substitute),
            _ => Day(newYear, "New Year's Day"),
        });

        var easter = DateRules.EasterSunday(year);
        days.Add(Day(easter.AddDays(-2), "Good Friday"));
        days.Add(Day(easter.AddDays(1), "Easter Monday"));
        days.Add(Day(DateRules.NthWeekday(year, 5, DayOfWeek.Monday, 1), "Early May bank holiday"));
        days.Add(Day(DateRules.LastWeekday(year, 5, DayOfWeek.Monday), "Spring bank holiday"));
        days.Add(Day(DateRules.LastWeekday(year, 8, DayOfWeek.Monday), "Summer bank holiday"));

        var christmas = new DateOnly(year, 12, 25);
        switch (christmas.DayOfWeek)
        {
            case DayOfWeek.Saturday:
                // Sat 25, Sun 26: both move, in order, to Mon 27 and Tue 28.
                days.Add(Day(new DateOnly(year, 12, 27), "Christmas Day" + Substitute));
                days.Add(Day(new DateOnly(year, 12, 28), "Boxing Day" + Substitute));
                break;
            case DayOfWeek.Sunday:
                // Sun 25, Mon 26: Boxing Day stays, Christmas moves to Tue 27.
                days.Add(Day(new DateOnly(year, 12, 26), "Boxing Day"));
                days.Add(Day(new DateOnly(year, 12, 27), "Christmas Day" + Substitute));
                break;
            case DayOfWeek.Friday:
                // Fri 25, Sat 26: Boxing Day moves to Mon 28.
                days.Add(Day(christmas, "Christmas Day"));
                days.Add(Day(new DateOnly(year, 12, 28), "Boxing Day" + Substitute));
                break;
            default:
                days.Add(Day(christmas, "Christmas Day"));
                days.Add(Day(new DateOnly(year, 12, 26), "Boxing Day"));
                break;
        }

        return days;
    }

    private static Holiday Day(DateOnly date, string name) => new(date, name, SetName);
}
