namespace C2C.Analytics.Calendar;

/// <summary>
/// The built-in holiday sets, by configuration name (case-insensitive).
/// </summary>
public static class HolidaySetCatalog
{
    /// <summary>The names of the built-in sets.</summary>
    public static IReadOnlyList<string> Names { get; } = [UsFederalHolidays.SetName, EnglandWalesBankHolidays.SetName];

    /// <summary>The built-in set called <paramref name="name"/>, or <c>false</c> when there is none.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IHolidaySet? set)
    {
        ArgumentNullException.ThrowIfNull(name);
        set = name.Trim().ToLowerInvariant() switch
        {
            UsFederalHolidays.SetName => new UsFederalHolidays(),
            EnglandWalesBankHolidays.SetName => new EnglandWalesBankHolidays(),
            _ => null,
        };
        return set is not null;
    }

    /// <summary>The built-in set called <paramref name="name"/>.</summary>
    /// <exception cref="CalendarConfigurationException">No built-in set has that name.</exception>
    public static IHolidaySet Get(string name) =>
        TryGet(name, out var set)
            ? set
            : throw new CalendarConfigurationException(
                $"Unknown holiday set '{name}'; the built-in sets are: {string.Join(", ", Names)}.");
}
