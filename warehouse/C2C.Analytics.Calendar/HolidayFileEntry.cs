namespace C2C.Analytics.Calendar;

/// <summary>One row of a holiday file.</summary>
/// <param name="Line">1-based line number in the file.</param>
/// <param name="Date">The date the row is about.</param>
/// <param name="Name">The holiday's name (for <see cref="HolidayFileAction.Remove"/>, a note on why).</param>
/// <param name="Action">Add the date as a holiday, or remove the built-in holiday on it.</param>
public sealed record HolidayFileEntry(int Line, DateOnly Date, string Name, HolidayFileAction Action);
