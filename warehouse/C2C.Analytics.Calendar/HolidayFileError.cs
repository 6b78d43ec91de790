namespace C2C.Analytics.Calendar;

/// <summary>One bad row of a holiday file.</summary>
/// <param name="Line">1-based line number in the file; 0 when the problem is the whole file.</param>
/// <param name="Reason">What is wrong, in words a person can act on.</param>
public sealed record HolidayFileError(int Line, string Reason);
