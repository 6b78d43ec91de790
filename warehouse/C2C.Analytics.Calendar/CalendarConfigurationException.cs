namespace C2C.Analytics.Calendar;

/// <summary>
/// The calendar's configuration is wrong (weekend days, holiday set names, fiscal year start, range, holiday
/// file). The calendar is not built: a wrong calendar must never be used silently.
/// </summary>
public class CalendarConfigurationException : Exception
{
    public CalendarConfigurationException()
    {
    }

    public CalendarConfigurationException(string message)
        : base(message)
    {
    }

    public CalendarConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
