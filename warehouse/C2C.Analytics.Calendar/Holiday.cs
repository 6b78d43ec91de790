namespace C2C.Analytics.Calendar;

/// <summary>
/// One day off in a holiday calendar.
/// </summary>
/// <param name="Date">
/// The day that is off work: the observed or substitute day when the rule moves the holiday (for example
/// Independence Day 2026, Saturday 4 July, has <c>Date</c> = Friday 2026-07-03 and <c>Name</c> =
/// "Independence Day (observed)").
/// </param>
/// <param name="Name">Display name; observed and substitute days say so in the name.</param>
/// <param name="Source">Where the day comes from: a holiday set name (<c>us-federal</c>, <c>england-wales</c>) or <see cref="HolidayFile.SourceName"/>.</param>
public sealed record Holiday(DateOnly Date, string Name, string Source);
