using System.Collections.Concurrent;

namespace C2C.Analytics.Calendar.Tests;

/// <summary>
/// A deliberately naive business calendar for property tests: walks day by day, no index, no tables. Its holiday
/// dates come straight from the holiday sets and the holiday file entries (or from a plain list), not from
/// <see cref="BusinessCalendar"/>, and WORKDAY / NETWORKDAYS are written from Excel's definitions.
/// </summary>
internal sealed class ReferenceCalendar
{
    private readonly HashSet<DayOfWeek> _weekend;
    private readonly IHolidaySet[] _sets;
    private readonly HashSet<DateOnly> _added;
    private readonly HashSet<DateOnly> _removed;
    private readonly ConcurrentDictionary<int, HashSet<DateOnly>> _builtInByYear = new();

    public ReferenceCalendar(IEnumerable<DayOfWeek> weekend, IEnumerable<IHolidaySet> sets, IEnumerable<DateOnly>? added = null, IEnumerable<DateOnly>? removed = null)
    {
        _weekend = [.. weekend];
        _sets = [.. sets];
        _added = [.. added ?? []];
        _removed = [.. removed ?? []];
    }

    public static ReferenceCalendar From(IEnumerable<DayOfWeek> weekend, IEnumerable<IHolidaySet> sets, HolidayFile file) =>
        new(
            weekend,
            sets,
            file.Entries.Where(e => e.Action == HolidayFileAction.Add).Select(e => e.Date),
            file.Entries.Where(e => e.Action == HolidayFileAction.Remove).Select(e => e.Date));

    public bool IsBusinessDay(DateOnly date) =>
        !_weekend.Contains(date.DayOfWeek)
        && !_added.Contains(date)
        && (_removed.Contains(date) || !BuiltIn(date.Year).Contains(date));

    /// <summary>Excel WORKDAY by walking; null when the walk leaves 1900-01-01..9999-12-31.</summary>
    public DateOnly? WorkDay(DateOnly start, int days)
    {
        var date = start;
        var step = Math.Sign(days);
        for (var remaining = Math.Abs(days); remaining > 0;)
        {
            if ((step > 0 && date == BusinessCalendar.MaxDate) || (step < 0 && date == BusinessCalendar.MinDate))
            {
                return null;
            }

            date = date.AddDays(step);
            if (IsBusinessDay(date))
            {
                remaining--;
            }
        }

        return date;
    }

    /// <summary>Excel NETWORKDAYS: business days from start to end, both included; negative when end &lt; start.</summary>
    public int NetworkDays(DateOnly start, DateOnly end)
    {
        if (end < start)
        {
            return -NetworkDays(end, start);
        }

        var count = 0;
        for (var date = start; ; date = date.AddDays(1))
        {
            if (IsBusinessDay(date))
            {
                count++;
            }

            if (date == end)
            {
                return count;
            }
        }
    }

    /// <summary>Business days d with from &lt; d ≤ to; negative of the reverse when to &lt; from.</summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -BusinessDaysBetween(to, from);
        }

        var count = 0;
        for (var date = from; date < to;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The first business day on or after <paramref name="date"/>, or null past 9999-12-31.</summary>
    public DateOnly? NextBusinessDayOnOrAfter(DateOnly date)
    {
        while (!IsBusinessDay(date))
        {
            if (date == BusinessCalendar.MaxDate)
            {
                return null;
            }

            date = date.AddDays(1);
        }

        return date;
    }

    private HashSet<DateOnly> BuiltIn(int year) =>
        _builtInByYear.GetOrAdd(year, y => [.. _sets.SelectMany(s => s.GetHolidays(y)).Select(h => h.Date)]);
}
