namespace C2C.Analytics.Calendar;

/// <summary>
/// A rule-based holiday calendar, computed for any year.
/// </summary>
public interface IHolidaySet
{
    /// <summary>The name used in configuration (<c>Calendar:HolidaySets</c>), e.g. <c>us-federal</c>.</summary>
    string Name { get; }

    /// <summary>
    /// The days off that fall in <paramref name="year"/>, sorted by date. A holiday whose observed or
    /// substitute day falls in another calendar year belongs to the list of the year it is observed in (for
    /// example New Year's Day 2022, a Saturday, is observed on Friday 2021-12-31 and is listed under 2021).
    /// Every returned <see cref="Holiday.Date"/> is in <paramref name="year"/>.
    /// </summary>
    IReadOnlyList<Holiday> GetHolidays(int year);
}
