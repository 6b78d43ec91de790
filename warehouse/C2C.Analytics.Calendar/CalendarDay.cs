namespace C2C.Analytics.Calendar;

/// <summary>
/// One day of the calendar, as <see cref="BusinessCalendar.Days"/> enumerates them (one <c>dim_date</c> row).
/// </summary>
/// <param name="Date">The day.</param>
/// <param name="IsWeekend">The day's weekday is a configured weekend day.</param>
/// <param name="HolidayName">The holiday's name (several holidays on one day are joined with "; "), or <c>null</c>.</param>
/// <param name="IsBusinessDay">Neither a weekend day nor a holiday.</param>
/// <param name="BusinessDayIndex">
/// Business days from the first day of the enumerated range up to and including this day (the first day has 1
/// when it is a business day, else 0). Differences give <see cref="BusinessCalendar.BusinessDaysBetween"/>.
/// </param>
/// <param name="FiscalYear">Fiscal year, named after the calendar year it ends in.</param>
/// <param name="FiscalQuarter">Fiscal quarter, 1–4.</param>
public readonly record struct CalendarDay(
    DateOnly Date,
    bool IsWeekend,
    string? HolidayName,
    bool IsBusinessDay,
    int BusinessDayIndex,
    int FiscalYear,
    int FiscalQuarter)
{
    /// <summary>The day is in the holiday calendar (on a weekend day or not).</summary>
    public bool IsHoliday => HolidayName is not null;
}
