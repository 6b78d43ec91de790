namespace C2C.Analytics.Calendar;

/// <summary>
/// Date arithmetic shared by the rule-based holiday sets.
/// </summary>
public static class DateRules
{
    /// <summary>The <paramref name="n"/>-th (1-based) <paramref name="day"/> of a month, e.g. the 4th Thursday of November.</summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 5);
        var first = new DateOnly(year, month, 1);
        var offset = ((int)day - (int)first.DayOfWeek + 7) % 7;
        var result = first.AddDays(offset + (7 * (n - 1)));
        return result.Month == month
            ? result
            : throw new ArgumentOutOfRangeException(nameof(n), n, $"{year:D4}-{month:D2} has no {n}th {day}.");
    }

    /// <summary>The last <paramref name="day"/> of a month, e.g. the last Monday of May.</summary>
    public static DateOnly LastWeekday(int year, int month, DayOfWeek day)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)day + 7) % 7;
        return last.AddDays(-offset);
    }

    /// <summary>
    /// Easter Sunday in the Gregorian calendar, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher),
    /// valid for every Gregorian year.
    /// </summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }
}
