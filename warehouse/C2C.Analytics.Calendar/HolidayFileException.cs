namespace C2C.Analytics.Calendar;

/// <summary>
/// A holiday file has bad rows. Every bad row is reported (file, line, reason), and the calendar is not built.
/// </summary>
public sealed class HolidayFileException : CalendarConfigurationException
{
    public HolidayFileException(string path, IReadOnlyList<HolidayFileError> errors)
        : base(Describe(path, errors))
    {
        FilePath = path;
        Errors = errors;
    }

    public HolidayFileException(string path, IReadOnlyList<HolidayFileError> errors, Exception innerException)
        : base(Describe(path, errors), innerException)
    {
        FilePath = path;
        Errors = errors;
    }

    /// <summary>The holiday file, as configured.</summary>
    public string FilePath { get; }

    /// <summary>Every problem found, in line order.</summary>
    public IReadOnlyList<HolidayFileError> Errors { get; }

    private static string Describe(string path, IReadOnlyList<HolidayFileError> errors)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(errors);
        var rows = errors.Count == 1 ? "1 problem" : $"{errors.Count} problems";
        var lines = errors.Select(e => e.Line > 0 ? $"  {path}:{e.Line}: {e.Reason}" : $"  {path}: {e.Reason}");
        return $"Holiday file '{path}' has {rows}; the calendar was not built:{Environment.NewLine}"
            + string.Join(Environment.NewLine, lines);
    }
}
