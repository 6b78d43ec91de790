using Microsoft.Extensions.Configuration;

namespace C2C.Analytics.Calendar;

/// <summary>
/// The business calendar's settings, bound from the configuration section <c>Calendar</c>:
/// <code>
/// "Calendar": {
///   "WeekendDays": [ "Saturday", "Sunday" ],
///   "HolidaySets": [ "us-federal" ],
///   "HolidayFile": "config/holidays.csv",
///   "FiscalYearStartMonth": 7,
///   "RangeStart": "2020-01-01",
///   "RangeEnd": "2030-12-31"
/// }
/// </code>
/// </summary>
/// <remarks>
/// The two lists are <c>null</c> when not configured and take their defaults then. They have no non-null
/// default on purpose: the configuration binder appends configured items to an existing list, so a default of
/// Saturday and Sunday would turn a configured Friday and Saturday into four days. For the same reason, and
/// because the binder reads an empty JSON array as "not configured", "no built-in holiday set" is written
/// <c>"HolidaySets": [ "none" ]</c> in configuration; in code an empty list means the same.
/// </remarks>
public sealed class CalendarOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Calendar";

    /// <summary>The holiday set name that means "no built-in holiday set".</summary>
    public const string NoHolidaySets = "none";

    /// <summary>Weekend days used when <see cref="WeekendDays"/> is not configured: Saturday and Sunday.</summary>
    public static IReadOnlyList<DayOfWeek> DefaultWeekendDays { get; } = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Holiday sets used when <see cref="HolidaySets"/> is not configured: US federal holidays.</summary>
    public static IReadOnlyList<string> DefaultHolidaySets { get; } = [UsFederalHolidays.SetName];

    /// <summary>Days of the week that are never business days; <c>null</c> = Saturday and Sunday.</summary>
    public List<DayOfWeek>? WeekendDays { get; set; }

    /// <summary>
    /// Built-in holiday sets to combine (<c>us-federal</c>, <c>england-wales</c>); <c>null</c> = <c>us-federal</c>;
    /// empty or <c>["none"]</c> = no built-in holidays.
    /// </summary>
    public List<string>? HolidaySets { get; set; }

    /// <summary>
    /// Optional CSV file (<c>date,name[,action]</c>) of company days to add and built-in days to remove. A relative
    /// path is resolved against the base directory given to <see cref="BusinessCalendar.FromOptions"/>.
    /// </summary>
    public string? HolidayFile { get; set; }

    /// <summary>First month of the fiscal year, 1–12 (1 = the fiscal year is the calendar year).</summary>
    public int FiscalYearStartMonth { get; set; } = 1;

    /// <summary>Optional first day of <c>dim_date</c>; also precomputed when the calendar is built.</summary>
    public DateOnly? RangeStart { get; set; }

    /// <summary>Optional last day of <c>dim_date</c>; also precomputed when the calendar is built.</summary>
    public DateOnly? RangeEnd { get; set; }

    /// <summary>
    /// Binds the section <c>Calendar</c> of <paramref name="configuration"/>. Unknown keys (a misspelt setting)
    /// and values that do not convert (a misspelt day name, a malformed date) are errors, not silently ignored.
    /// </summary>
    /// <exception cref="CalendarConfigurationException">The section cannot be bound.</exception>
    public static CalendarOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new CalendarOptions();
        try
        {
            configuration.GetSection(SectionName).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            // With ErrorOnUnknownConfiguration the binder wraps a failed conversion; the inner message names the
            // key and the value.
            var detail = ex.InnerException is { } inner ? inner.Message : ex.Message;
            throw new CalendarConfigurationException(
                $"The configuration section '{SectionName}' is invalid: {detail}", ex);
        }

        return options;
    }

    /// <summary>The weekend days in effect (the default when not configured), checked.</summary>
    /// <exception cref="CalendarConfigurationException">The set is empty, holds all seven days, or holds a value that is not a day.</exception>
    public IReadOnlySet<DayOfWeek> ResolveWeekendDays()
    {
        var problems = new List<string>();
        var days = ResolveWeekendDays(problems);
        ThrowIfAny(problems);
        return days;
    }

    /// <summary>The built-in holiday sets in effect (the default when not configured), checked.</summary>
    /// <exception cref="CalendarConfigurationException">A name is unknown, or <c>none</c> is combined with a set.</exception>
    public IReadOnlyList<IHolidaySet> ResolveHolidaySets()
    {
        var problems = new List<string>();
        var sets = ResolveHolidaySets(problems);
        ThrowIfAny(problems);
        return sets;
    }

    /// <summary>Checks every setting and reports all problems at once.</summary>
    /// <exception cref="CalendarConfigurationException">One or more settings are invalid.</exception>
    public void Validate() => ThrowIfAny(Check());

    internal List<string> Check()
    {
        var problems = new List<string>();
        _ = ResolveWeekendDays(problems);
        _ = ResolveHolidaySets(problems);
        if (FiscalYearStartMonth is < 1 or > 12)
        {
            problems.Add($"{SectionName}:FiscalYearStartMonth is {FiscalYearStartMonth}; it must be a month number from 1 to 12.");
        }

        CheckInRange(problems, nameof(RangeStart), RangeStart);
        CheckInRange(problems, nameof(RangeEnd), RangeEnd);
        if (RangeStart is { } start && RangeEnd is { } end && end < start)
        {
            problems.Add($"{SectionName}:RangeEnd ({end:yyyy-MM-dd}) is before {SectionName}:RangeStart ({start:yyyy-MM-dd}).");
        }

        return problems;
    }

    private HashSet<DayOfWeek> ResolveWeekendDays(List<string> problems)
    {
        var configured = WeekendDays ?? DefaultWeekendDays;
        var days = new HashSet<DayOfWeek>();
        foreach (var day in configured)
        {
            if (!Enum.IsDefined(day))
            {
                problems.Add($"{SectionName}:WeekendDays holds {(int)day}, which is not a day of the week.");
                continue;
            }

            days.Add(day);
        }

        if (days.Count == 0 && configured.Count == 0)
        {
            problems.Add($"{SectionName}:WeekendDays is empty; name at least one weekend day (the default is Saturday and Sunday).");
        }
        else if (days.Count == 7)
        {
            problems.Add($"{SectionName}:WeekendDays holds all seven days of the week, so no day could ever be a business day.");
        }

        return days;
    }

    private List<IHolidaySet> ResolveHolidaySets(List<string> problems)
    {
        var names = HolidaySets ?? DefaultHolidaySets;
        var sets = new List<IHolidaySet>();
        var none = false;
        foreach (var raw in names)
        {
            var name = raw?.Trim() ?? string.Empty;
            if (string.Equals(name, NoHolidaySets, StringComparison.OrdinalIgnoreCase))
            {
                none = true;
            }
            else if (HolidaySetCatalog.TryGet(name, out var set))
            {
                if (!sets.Exists(s => s.Name == set.Name))
                {
                    sets.Add(set);
                }
            }
            else
            {
                problems.Add(
                    $"{SectionName}:HolidaySets names an unknown holiday set '{name}'; the built-in sets are "
                    + $"{string.Join(", ", HolidaySetCatalog.Names)} (or '{NoHolidaySets}' for none).");
            }
        }

        if (none && sets.Count > 0)
        {
            problems.Add($"{SectionName}:HolidaySets combines '{NoHolidaySets}' with holiday sets; use one or the other.");
        }

        return sets;
    }

    private static void CheckInRange(List<string> problems, string name, DateOnly? value)
    {
        if (value is { } date && date < BusinessCalendar.MinDate)
        {
            problems.Add($"{SectionName}:{name} ({date:yyyy-MM-dd}) is before {BusinessCalendar.MinDate:yyyy-MM-dd}, the first date the calendar supports.");
        }
    }

    private static void ThrowIfAny(List<string> problems)
    {
        if (problems.Count == 1)
        {
            throw new CalendarConfigurationException(problems[0]);
        }

        if (problems.Count > 1)
        {
            throw new CalendarConfigurationException(
                "The calendar configuration is invalid:" + Environment.NewLine + "  "
                + string.Join(Environment.NewLine + "  ", problems));
        }
    }
}
