using System.Globalization;
using C2C.Analytics.Calendar;

namespace C2C.Analytics.Warehouse.Calendar;

/// <summary>The days <c>dim_date</c> covers, both ends included.</summary>
public readonly record struct DimDateRange
{
    public DimDateRange(DateOnly from, DateOnly to)
    {
        if (from < BusinessCalendar.MinDate)
        {
            throw new ArgumentOutOfRangeException(nameof(from), from, $"dim_date cannot start before {Text(BusinessCalendar.MinDate)}, the first date the calendar supports.");
        }

        if (to < from)
        {
            throw new ArgumentException($"The dim_date range ends ({Text(to)}) before it starts ({Text(from)}).", nameof(to));
        }

        From = from;
        To = to;
    }

    public DateOnly From { get; }

    public DateOnly To { get; }

    /// <summary>Number of days in the range.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// The default range: from one year before the earliest source date to two years after the as-of date, widened
    /// to whole calendar years (1 January .. 31 December) so that the range, and with it <c>dim_date</c>, stays the
    /// same from one nightly run to the next. With no source data yet the as-of date stands in for the earliest date.
    /// </summary>
    /// <param name="earliestSourceDate">The earliest date any source holds (intake, activation, completion, …), or null.</param>
    /// <param name="asOf">The run's as-of date.</param>
    public static DimDateRange Default(DateOnly? earliestSourceDate, DateOnly asOf)
    {
        var earliest = earliestSourceDate is { } e && e < asOf ? e : asOf;
        var fromYear = Math.Max(earliest.Year - 1, BusinessCalendar.MinDate.Year);
        var toYear = Math.Min(asOf.Year + 2, BusinessCalendar.MaxDate.Year);
        return new DimDateRange(new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
    }

    /// <summary>
    /// The range to build: <c>Calendar:RangeStart</c> / <c>Calendar:RangeEnd</c> where configured, the
    /// <paramref name="fallback"/>'s ends otherwise.
    /// </summary>
    /// <exception cref="CalendarConfigurationException">Only one end is configured and it lies beyond the fallback's other end.</exception>
    public static DimDateRange FromOptions(CalendarOptions options, DimDateRange fallback)
    {
        ArgumentNullException.ThrowIfNull(options);
        var from = options.RangeStart ?? fallback.From;
        var to = options.RangeEnd ?? fallback.To;
        if (to < from)
        {
            var (configured, other) = options.RangeStart is null
                ? ($"{CalendarOptions.SectionName}:RangeEnd ({Text(to)}) is before the start of the default range ({Text(from)})", "RangeStart")
                : ($"{CalendarOptions.SectionName}:RangeStart ({Text(from)}) is after the end of the default range ({Text(to)})", "RangeEnd");
            throw new CalendarConfigurationException($"{configured}; set {CalendarOptions.SectionName}:{other} as well.");
        }

        return new DimDateRange(from, to);
    }

    /// <summary>True when <paramref name="date"/> lies in the range.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    public override string ToString() => $"{Text(From)} .. {Text(To)}";

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
