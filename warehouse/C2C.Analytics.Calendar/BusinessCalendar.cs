using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace C2C.Analytics.Calendar;

/// <summary>
/// A business calendar: weekend days plus holidays (built-in rule-based sets and a holiday file), with Excel's
/// <c>WORKDAY</c> and <c>NETWORKDAYS</c> and the cycle-time count <see cref="BusinessDaysBetween"/>.
/// </summary>
/// <remarks>
/// <para>
/// A business day is a day that is neither a weekend day nor a holiday. Supported dates are 1900-01-01 to
/// 9999-12-31 (Excel's range; Excel's fictitious 1900-02-29 is not reproduced: this calendar is the real
/// Gregorian one). A date outside the range is an <see cref="ArgumentOutOfRangeException"/>.
/// </para>
/// <para>
/// Speed: every year has a small table (the running count of business days through each day of the year and
/// the list of its business days) built the first time the year is touched, and the calendar keeps the number
/// of business days before each 1 January. <see cref="BusinessDayIndex"/> is then two array reads, so
/// <see cref="NetworkDays"/> and <see cref="BusinessDaysBetween"/> are O(1), and <see cref="WorkDay"/> is O(1)
/// when the result is in the start's year and a binary search over years otherwise. The first touch of a year
/// counts the business days of every year since 1900 that has not been counted yet (a few holiday rules per
/// year; about a millisecond per century). <see cref="Precompute"/> does this work up front for a range.
/// Instances are safe to share between threads.
/// </para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>The first date the calendar supports.</summary>
    public static readonly DateOnly MinDate = new(MinYear, 1, 1);

    /// <summary>The last date the calendar supports.</summary>
    public static readonly DateOnly MaxDate = DateOnly.MaxValue;

    private const int MinYear = 1900;
    private const int MaxYear = 9999;
    private const int YearCount = MaxYear - MinYear + 1;
    private const string DateFormat = "yyyy-MM-dd";
    private const string NameSeparator = "; ";

    private readonly int _weekendMask;
    private readonly int _businessDaysPerWeek;
    private readonly IHolidaySet[] _sets;
    private readonly HashSet<DateOnly> _removed = [];
    private readonly Dictionary<int, List<Holiday>> _addedByYear = [];
    private readonly YearTable?[] _tables = new YearTable?[YearCount];

    // _prefix[i] = business days from MinDate up to (not including) 1 January of year MinYear + i;
    // valid for i <= _prefixThrough. Written under _gate, read without it after a volatile read of _prefixThrough.
    private readonly int[] _prefix = new int[YearCount + 1];
    private readonly Lock _gate = new();
    private int _prefixThrough;

    /// <summary>Builds a calendar from explicit parts.</summary>
    /// <param name="weekendDays">Days of the week that are never business days (one to six distinct days).</param>
    /// <param name="holidaySets">Rule-based holiday sets to combine (may be empty).</param>
    /// <param name="holidayFile">Optional holiday file: its <c>add</c> rows are holidays, its <c>remove</c> rows take
    /// built-in holidays out.</param>
    /// <param name="fiscalYearStartMonth">First month of the fiscal year, 1–12.</param>
    /// <exception cref="CalendarConfigurationException">The weekend set or the fiscal month is invalid.</exception>
    /// <exception cref="HolidayFileException">A <c>remove</c> row has no built-in holiday on its date.</exception>
    public BusinessCalendar(
        IEnumerable<DayOfWeek> weekendDays,
        IEnumerable<IHolidaySet> holidaySets,
        HolidayFile? holidayFile = null,
        int fiscalYearStartMonth = 1)
    {
        ArgumentNullException.ThrowIfNull(weekendDays);
        ArgumentNullException.ThrowIfNull(holidaySets);
        var weekend = new CalendarOptions { WeekendDays = [.. weekendDays] }.ResolveWeekendDays();
        if (fiscalYearStartMonth is < 1 or > 12)
        {
            throw new CalendarConfigurationException(
                $"The fiscal year start month is {fiscalYearStartMonth}; it must be a month number from 1 to 12.");
        }

        _sets = [.. holidaySets.DistinctBy(s => s.Name, StringComparer.OrdinalIgnoreCase)];
        WeekendDays = weekend;
        HolidaySets = _sets;
        HolidayFile = holidayFile;
        FiscalYearStartMonth = fiscalYearStartMonth;
        foreach (var day in weekend)
        {
            _weekendMask |= 1 << (int)day;
        }

        _businessDaysPerWeek = 7 - weekend.Count;

        if (holidayFile is not null)
        {
            var errors = CheckRemovals(holidayFile.Entries, _sets);
            if (errors.Count > 0)
            {
                throw new HolidayFileException(holidayFile.Path, errors);
            }

            foreach (var entry in holidayFile.Entries)
            {
                if (entry.Action == HolidayFileAction.Remove)
                {
                    _removed.Add(entry.Date);
                    continue;
                }

                if (!_addedByYear.TryGetValue(entry.Date.Year, out var added))
                {
                    added = [];
                    _addedByYear.Add(entry.Date.Year, added);
                }

                added.Add(new Holiday(entry.Date, entry.Name, HolidayFile.SourceName));
            }
        }
    }

    /// <summary>The weekend days.</summary>
    public IReadOnlySet<DayOfWeek> WeekendDays { get; }

    /// <summary>The rule-based holiday sets in use.</summary>
    public IReadOnlyList<IHolidaySet> HolidaySets { get; }

    /// <summary>The holiday file in use, if any.</summary>
    public HolidayFile? HolidayFile { get; }

    /// <summary>First month of the fiscal year, 1–12.</summary>
    public int FiscalYearStartMonth { get; }

    /// <summary>
    /// Builds the calendar the configuration describes. Every problem is reported before anything is built: all
    /// invalid settings in one <see cref="CalendarConfigurationException"/>, all bad holiday-file rows in one
    /// <see cref="HolidayFileException"/>. The configured range, if any, is precomputed.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <param name="baseDirectory">Directory a relative <see cref="CalendarOptions.HolidayFile"/> is resolved against
    /// (typically the configuration file's); the current directory when <c>null</c>.</param>
    public static BusinessCalendar FromOptions(CalendarOptions options, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var weekend = options.ResolveWeekendDays();
        var sets = options.ResolveHolidaySets();

        HolidayFile? file = null;
        if (!string.IsNullOrWhiteSpace(options.HolidayFile))
        {
            var path = Path.IsPathRooted(options.HolidayFile) || baseDirectory is null
                ? options.HolidayFile
                : Path.Combine(baseDirectory, options.HolidayFile);
            file = HolidayFile.Read(path, out var errors);
            errors.AddRange(CheckRemovals(file.Entries, sets));
            if (errors.Count > 0)
            {
                throw new HolidayFileException(path, [.. errors.OrderBy(e => e.Line)]);
            }
        }

        var calendar = new BusinessCalendar(weekend, sets, file, options.FiscalYearStartMonth);
        if (options.RangeStart is not null || options.RangeEnd is not null)
        {
            var from = options.RangeStart ?? options.RangeEnd!.Value;
            var to = options.RangeEnd ?? from;
            calendar.Precompute(from, to);
        }

        return calendar;
    }

    /// <summary>The day's weekday is a weekend day (whatever the holidays).</summary>
    public bool IsWeekend(DateOnly date) => IsWeekendDay((int)date.DayOfWeek);

    /// <summary>The day is in the holiday calendar (a holiday on a weekend day counts too).</summary>
    public bool IsHoliday(DateOnly date) => IsHoliday(date, out _);

    /// <summary>The day is in the holiday calendar; <paramref name="name"/> is its name (several joined with "; ").</summary>
    public bool IsHoliday(DateOnly date, [NotNullWhen(true)] out string? name)
    {
        CheckDate(date, nameof(date));
        return Table(date.Year).Names.TryGetValue(date.DayOfYear - 1, out name);
    }

    /// <summary>The day is neither a weekend day nor a holiday.</summary>
    public bool IsBusinessDay(DateOnly date)
    {
        CheckDate(date, nameof(date));
        return Table(date.Year).IsBusinessDay(date.DayOfYear - 1);
    }

    /// <summary>
    /// The number of business days from 1900-01-01 up to and including <paramref name="date"/>: the global
    /// business-day index. Two dates' indexes differ by <see cref="BusinessDaysBetween"/>.
    /// </summary>
    public int BusinessDayIndex(DateOnly date)
    {
        CheckDate(date, nameof(date));
        return Index(date);
    }

    /// <summary>
    /// Excel's <c>WORKDAY(start, days)</c>: the date <paramref name="days"/> business days after
    /// <paramref name="start"/> (before it when negative). The start itself is not counted;
    /// <c>WorkDay(start, 0)</c> is <paramref name="start"/>, even on a weekend or a holiday.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The start or the result is outside 1900-01-01..9999-12-31.</exception>
    public DateOnly WorkDay(DateOnly start, int days)
    {
        CheckDate(start, nameof(start));
        if (days == 0)
        {
            return start;
        }

        var table = Table(start.Year);
        var doy = start.DayOfYear - 1;
        long index = table.StartIndex + table.Cumulative[doy];
        // Forward: the business day whose index is index + days (index counts the start when it is a business day,
        // so the first business day after the start has index + 1). Backward: the last business day before the
        // start has index - 1 when the start is a business day, index otherwise.
        var target = days > 0
            ? index + days
            : index + days + 1 - (table.IsBusinessDay(doy) ? 1 : 0);
        return BusinessDayAt(target, start.Year)
            ?? throw new ArgumentOutOfRangeException(
                nameof(days),
                days,
                $"WORKDAY({Format(start)}, {days}) falls outside {Format(MinDate)}..{Format(MaxDate)}, the dates the calendar supports.");
    }

    /// <summary>
    /// Excel's <c>NETWORKDAYS(start, end)</c>: the business days from <paramref name="start"/> to
    /// <paramref name="end"/>, both included; negative (minus the count from end to start) when the end is before
    /// the start.
    /// </summary>
    public int NetworkDays(DateOnly start, DateOnly end)
    {
        CheckDate(start, nameof(start));
        CheckDate(end, nameof(end));
        if (end < start)
        {
            return -NetworkDays(end, start);
        }

        var table = Table(start.Year);
        var doy = start.DayOfYear - 1;
        return Index(end) - (table.StartIndex + table.Cumulative[doy]) + (table.IsBusinessDay(doy) ? 1 : 0);
    }

    /// <summary>
    /// The cycle-time count: the number of business days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/>
    /// (0 when the dates are equal; minus the reverse count when <paramref name="to"/> is before
    /// <paramref name="from"/>). Equals <c>BusinessDayIndex(to) - BusinessDayIndex(from)</c>.
    /// </summary>
    public int BusinessDaysBetween(DateOnly from, DateOnly to)
    {
        CheckDate(from, nameof(from));
        CheckDate(to, nameof(to));
        return Index(to) - Index(from);
    }

    /// <summary>
    /// The holidays of <paramref name="year"/> in effect (built-in days not removed by the holiday file, and the
    /// file's added days), sorted by date; one entry per source, so a day two sets share appears twice.
    /// </summary>
    public IReadOnlyList<Holiday> HolidaysInYear(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return Array.AsReadOnly(Table(year).Holidays);
    }

    /// <summary>
    /// Every day from <paramref name="from"/> to <paramref name="to"/> (both included) with its calendar facts:
    /// the rows of <c>dim_date</c>. <see cref="CalendarDay.BusinessDayIndex"/> counts from <paramref name="from"/>.
    /// </summary>
    public IEnumerable<CalendarDay> Days(DateOnly from, DateOnly to)
    {
        CheckDate(from, nameof(from));
        CheckDate(to, nameof(to));
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({Format(to)}) before it starts ({Format(from)}).", nameof(to));
        }

        return Enumerate(from, to);
    }

    /// <summary>Fiscal year of a date, named after the calendar year the fiscal year ends in.</summary>
    public int FiscalYear(DateOnly date) =>
        FiscalYearStartMonth == 1 || date.Month < FiscalYearStartMonth ? date.Year : date.Year + 1;

    /// <summary>Fiscal quarter of a date, 1–4.</summary>
    public int FiscalQuarter(DateOnly date) => ((date.Month - FiscalYearStartMonth + 12) % 12 / 3) + 1;

    /// <summary>Builds the tables of every year from <paramref name="from"/> to <paramref name="to"/> now.</summary>
    public void Precompute(DateOnly from, DateOnly to)
    {
        CheckDate(from, nameof(from));
        CheckDate(to, nameof(to));
        for (var year = Math.Min(from.Year, to.Year); year <= Math.Max(from.Year, to.Year); year++)
        {
            _ = Table(year);
        }
    }

    private IEnumerable<CalendarDay> Enumerate(DateOnly from, DateOnly to)
    {
        var first = Table(from.Year);
        var origin = first.StartIndex + first.Cumulative[from.DayOfYear - 1] - (first.IsBusinessDay(from.DayOfYear - 1) ? 1 : 0);
        for (var year = from.Year; year <= to.Year; year++)
        {
            var table = Table(year);
            var firstDoy = year == from.Year ? from.DayOfYear - 1 : 0;
            var lastDoy = year == to.Year ? to.DayOfYear - 1 : table.Cumulative.Length - 1;
            for (var doy = firstDoy; doy <= lastDoy; doy++)
            {
                var date = DateOnly.FromDayNumber(table.Jan1DayNumber + doy);
                table.Names.TryGetValue(doy, out var name);
                yield return new CalendarDay(
                    date,
                    IsWeekendDay((table.Jan1DayOfWeek + doy) % 7),
                    name,
                    table.IsBusinessDay(doy),
                    table.StartIndex + table.Cumulative[doy] - origin,
                    FiscalYear(date),
                    FiscalQuarter(date));
            }
        }
    }

    private bool IsWeekendDay(int dayOfWeek) => (_weekendMask & (1 << dayOfWeek)) != 0;

    private int Index(DateOnly date)
    {
        var table = Table(date.Year);
        return table.StartIndex + table.Cumulative[date.DayOfYear - 1];
    }

    /// <summary>The business day whose global index is <paramref name="target"/>, or null outside the range.</summary>
    private DateOnly? BusinessDayAt(long target, int hintYear)
    {
        if (target < 1)
        {
            return null;
        }

        var hint = Table(hintYear);
        if (target > hint.StartIndex && target <= hint.StartIndex + hint.Count)
        {
            return hint.BusinessDay((int)(target - hint.StartIndex - 1));
        }

        // Find the year index i with _prefix[i] < target <= _prefix[i + 1], between lo and hi.
        int lo, hi;
        if (target <= hint.StartIndex)
        {
            lo = 0; // _prefix[0] = 0 < target
            hi = hintYear - MinYear; // _prefix[hi] = hint.StartIndex >= target
        }
        else
        {
            lo = hintYear - MinYear; // _prefix[lo] = hint.StartIndex < target
            hi = ExtendPrefixUntil(target);
            if (hi < 0)
            {
                return null;
            }
        }

        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) / 2);
            if (_prefix[mid] < target)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var table = Table(MinYear + lo);
        return table.BusinessDay((int)(target - table.StartIndex - 1));
    }

    /// <summary>Counts years until the prefix reaches <paramref name="target"/>; returns that year index, or -1 past 9999.</summary>
    private int ExtendPrefixUntil(long target)
    {
        lock (_gate)
        {
            while (_prefix[_prefixThrough] < target)
            {
                if (_prefixThrough == YearCount)
                {
                    return -1;
                }

                ExtendPrefixCore(_prefixThrough + 1);
            }

            return _prefixThrough;
        }
    }

    private YearTable Table(int year)
    {
        var slot = year - MinYear;
        return Volatile.Read(ref _tables[slot]) ?? BuildTable(year);
    }

    private YearTable BuildTable(int year)
    {
        var slot = year - MinYear;
        lock (_gate)
        {
            if (_tables[slot] is { } existing)
            {
                return existing;
            }

            ExtendPrefixCore(slot);
            var table = new YearTable(year, _prefix[slot], ComputeHolidays(year), IsWeekendDay);
            Volatile.Write(ref _tables[slot], table);
            return table;
        }
    }

    /// <summary>Makes _prefix valid through <paramref name="through"/>; call under _gate.</summary>
    private void ExtendPrefixCore(int through)
    {
        var i = _prefixThrough;
        while (i < through)
        {
            _prefix[i + 1] = _prefix[i] + CountBusinessDays(MinYear + i);
            i++;
            Volatile.Write(ref _prefixThrough, i);
        }
    }

    private int CountBusinessDays(int year)
    {
        if (Volatile.Read(ref _tables[year - MinYear]) is { } table)
        {
            return table.Count;
        }

        var jan1 = new DateOnly(year, 1, 1);
        var days = DateTime.IsLeapYear(year) ? 366 : 365;
        var count = 52 * _businessDaysPerWeek;
        for (var extra = 364; extra < days; extra++)
        {
            if (!IsWeekendDay(((int)jan1.DayOfWeek + extra) % 7))
            {
                count++;
            }
        }

        var holidayWeekdays = new HashSet<DateOnly>();
        foreach (var holiday in ComputeHolidays(year))
        {
            if (!IsWeekend(holiday.Date))
            {
                holidayWeekdays.Add(holiday.Date);
            }
        }

        return count - holidayWeekdays.Count;
    }

    private Holiday[] ComputeHolidays(int year)
    {
        var holidays = new List<Holiday>();
        foreach (var set in _sets)
        {
            foreach (var holiday in set.GetHolidays(year))
            {
                if (holiday.Date.Year != year)
                {
                    throw new InvalidOperationException(
                        $"Holiday set '{set.Name}' listed {Format(holiday.Date)} ({holiday.Name}) among the holidays of {year}.");
                }

                if (!_removed.Contains(holiday.Date))
                {
                    holidays.Add(holiday);
                }
            }
        }

        if (_addedByYear.TryGetValue(year, out var added))
        {
            holidays.AddRange(added);
        }

        return [.. holidays.OrderBy(h => h.Date)];
    }

    private static List<HolidayFileError> CheckRemovals(IReadOnlyList<HolidayFileEntry> entries, IReadOnlyList<IHolidaySet> sets)
    {
        var errors = new List<HolidayFileError>();
        var builtIn = new Dictionary<int, HashSet<DateOnly>>();
        foreach (var entry in entries)
        {
            if (entry.Action != HolidayFileAction.Remove)
            {
                continue;
            }

            if (!builtIn.TryGetValue(entry.Date.Year, out var dates))
            {
                dates = [.. sets.SelectMany(s => s.GetHolidays(entry.Date.Year)).Select(h => h.Date)];
                builtIn.Add(entry.Date.Year, dates);
            }

            if (!dates.Contains(entry.Date))
            {
                var setNames = sets.Count == 0
                    ? "no built-in holiday set is configured"
                    : "built-in sets: " + string.Join(", ", sets.Select(s => s.Name));
                errors.Add(new HolidayFileError(
                    entry.Line,
                    $"nothing to remove: no built-in holiday falls on {Format(entry.Date)} ({setNames})"));
            }
        }

        return errors;
    }

    private static void CheckDate(DateOnly date, string parameterName)
    {
        if (date < MinDate)
        {
            throw new ArgumentOutOfRangeException(
                parameterName,
                date,
                $"{Format(date)} is before {Format(MinDate)}, the first date the calendar supports.");
        }
    }

    private static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>One year's precomputed business days.</summary>
    private sealed class YearTable
    {
        private readonly ushort[] _businessDays;

        public YearTable(int year, int startIndex, Holiday[] holidays, Func<int, bool> isWeekendDay)
        {
            var jan1 = new DateOnly(year, 1, 1);
            Jan1DayNumber = jan1.DayNumber;
            Jan1DayOfWeek = (int)jan1.DayOfWeek;
            StartIndex = startIndex;
            Holidays = holidays;

            var names = new Dictionary<int, string>();
            foreach (var holiday in holidays)
            {
                var doy = holiday.Date.DayOfYear - 1;
                if (!names.TryGetValue(doy, out var name))
                {
                    names.Add(doy, holiday.Name);
                }
                else if (!name.Split(NameSeparator).Contains(holiday.Name))
                {
                    names[doy] = name + NameSeparator + holiday.Name;
                }
            }

            Names = names;
            var days = DateTime.IsLeapYear(year) ? 366 : 365;
            Cumulative = new ushort[days];
            var businessDays = new ushort[days];
            var count = 0;
            for (var doy = 0; doy < days; doy++)
            {
                if (!isWeekendDay((Jan1DayOfWeek + doy) % 7) && !names.ContainsKey(doy))
                {
                    businessDays[count++] = (ushort)doy;
                }

                Cumulative[doy] = (ushort)count;
            }

            _businessDays = businessDays[..count];
        }

        public int Jan1DayNumber { get; }

        public int Jan1DayOfWeek { get; }

        /// <summary>Business days before 1 January of the year, from 1900-01-01.</summary>
        public int StartIndex { get; }

        /// <summary>Business days of the year up to and including each day of the year (0-based).</summary>
        public ushort[] Cumulative { get; }

        public Dictionary<int, string> Names { get; }

        public Holiday[] Holidays { get; }

        public int Count => _businessDays.Length;

        public bool IsBusinessDay(int doy) => Cumulative[doy] != (doy == 0 ? 0 : Cumulative[doy - 1]);

        /// <summary>The <paramref name="k"/>-th (0-based) business day of the year.</summary>
        public DateOnly BusinessDay(int k) => DateOnly.FromDayNumber(Jan1DayNumber + _businessDays[k]);
    }
}
