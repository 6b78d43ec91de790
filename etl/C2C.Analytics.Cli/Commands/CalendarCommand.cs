using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Calendar;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c calendar holidays|workday|networkdays|build</c>: check the business calendar the configuration describes
/// (section <c>Calendar</c>), and build or refresh <c>dim_date</c> and the calendar macros in a warehouse file.
/// </summary>
internal sealed class CalendarCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly CliEnvironment _environment;

    private readonly Option<int?> _year = new("--year")
    {
        Description = "The year to list. Default: the current year.",
        HelpName = "YEAR",
    };

    private readonly Argument<DateOnly> _workdayStart = DateArgument("DATE", "The start date (yyyy-MM-dd); it is not counted.");

    private readonly Argument<int> _workdayDays = new("DAYS")
    {
        Description = "Business days to move: positive goes forward, negative backward, 0 returns DATE itself.",
    };

    private readonly Argument<DateOnly> _networkStart = DateArgument("START", "The first date (yyyy-MM-dd), counted.");

    private readonly Argument<DateOnly> _networkEnd = DateArgument("END", "The last date (yyyy-MM-dd), counted; before START gives a negative count.");

    private readonly Option<string?> _database = new("--db")
    {
        Description =
            $"The DuckDB warehouse file to build into; created when it does not exist. Default: ${WarehouseLocation.EnvironmentVariable} " +
            $"if set, else {WarehouseLocation.FileName} in the data folder ($C2C_DATA, else data under the current directory).",
        HelpName = "PATH",
    };

    private readonly Option<DateOnly?> _from = DateOption("--from", "First day of dim_date (yyyy-MM-dd).");

    private readonly Option<DateOnly?> _to = DateOption("--to", "Last day of dim_date (yyyy-MM-dd).");

    public CalendarCommand(CliEnvironment environment)
    {
        _environment = environment;

        var holidays = new Command("holidays", "List the holidays of a year: date, weekday and name.") { _year };
        holidays.SetAction(parseResult => Run((calendar, _) => Holidays(calendar, parseResult.GetValue(_year))));

        var workday = new Command(
            "workday",
            "Excel's WORKDAY(DATE, DAYS): the date DAYS business days after DATE (before it when negative).")
        {
            _workdayStart, _workdayDays,
        };
        workday.SetAction(parseResult => Run((calendar, _) =>
            Print(calendar.WorkDay(parseResult.GetValue(_workdayStart), parseResult.GetValue(_workdayDays)).ToString(DateFormat, CultureInfo.InvariantCulture))));

        var networkdays = new Command(
            "networkdays",
            "Excel's NETWORKDAYS(START, END): the business days from START to END, both counted.")
        {
            _networkStart, _networkEnd,
        };
        networkdays.SetAction(parseResult => Run((calendar, _) =>
            Print(calendar.NetworkDays(parseResult.GetValue(_networkStart), parseResult.GetValue(_networkEnd)).ToString(CultureInfo.InvariantCulture))));

        var build = new Command(
            "build",
            "Build or refresh dim_date, calendar_info and the macros business_day_index, business_days_between, networkdays " +
            "and workday in a warehouse file, in one transaction. The range is --from/--to, else Calendar:RangeStart/RangeEnd, " +
            "else the range dim_date already has, else one year before today to two years after it (whole years).")
        {
            _database, _from, _to,
        };
        build.SetAction(parseResult => Run((calendar, options) => Build(calendar, options, parseResult)));

        Command = new Command(
            "calendar",
            "Check the business calendar of the configuration (section Calendar: weekend days, holiday sets, holiday file, fiscal year) " +
            "and build it into the warehouse.")
        {
            holidays, workday, networkdays, build,
        };
    }

    public Command Command { get; }

    private static Argument<DateOnly> DateArgument(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseDate(result, result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty, name),
    };

    private static Option<DateOnly?> DateOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DATE",
        CustomParser = result => result.Tokens.Count == 0 ? null : ParseDate(result, result.Tokens[0].Value, name),
    };

    private static DateOnly ParseDate(ArgumentResult result, string text, string name)
    {
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"{name}: '{text}' is not a date in the form {DateFormat} (e.g. 2026-11-27).");
        return default;
    }

    /// <summary>Loads the calendar from the configuration and runs <paramref name="action"/>; configuration problems exit 1.</summary>
    private int Run(Func<BusinessCalendar, CalendarOptions, int> action)
    {
        var error = _environment.Error;
        CalendarOptions options;
        BusinessCalendar calendar;
        try
        {
            // Strict binding: a misspelt key or value in the section is an error, not a silently different calendar.
            options = CalendarOptions.FromConfiguration(AppConfiguration.Load(_environment));
            calendar = BusinessCalendar.FromOptions(options, _environment.CurrentDirectory);
        }
        catch (CalendarConfigurationException exception)
        {
            // A holiday file's problems come one per line: file:line: reason.
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }
        catch (Exception exception) when (exception is InvalidDataException or FormatException)
        {
            // An appsettings.json that is not valid JSON.
            error.WriteLine($"error: {exception.Message}{(exception.InnerException is { } inner ? " " + inner.Message : string.Empty)}");
            return ExitCodes.ConfigurationError;
        }

        try
        {
            return action(calendar, options);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            // A date or result outside 1900-01-01..9999-12-31.
            error.WriteLine($"error: {Reason(exception)}");
            return ExitCodes.Failure;
        }
    }

    private int Print(string answer)
    {
        _environment.Out.WriteLine(answer);
        return ExitCodes.Success;
    }

    private int Holidays(BusinessCalendar calendar, int? requestedYear)
    {
        var year = requestedYear ?? DateTime.Today.Year;
        if (year < BusinessCalendar.MinDate.Year || year > BusinessCalendar.MaxDate.Year)
        {
            _environment.Error.WriteLine($"error: --year {year} is outside {BusinessCalendar.MinDate.Year}..{BusinessCalendar.MaxDate.Year}, the years the calendar supports.");
            return ExitCodes.Usage;
        }

        var output = _environment.Out;
        output.WriteLine($"Holidays {year}: {Describe(calendar)}");
        var days = calendar.HolidaysInYear(year);
        var showSource = days.Select(h => h.Source).Distinct().Count() > 1;
        foreach (var holiday in days)
        {
            var line = $"{holiday.Date.ToString(DateFormat, CultureInfo.InvariantCulture)}  {holiday.Date.DayOfWeek,-9}  {holiday.Name}";
            if (showSource)
            {
                line += $"  [{holiday.Source}]";
            }

            if (calendar.IsWeekend(holiday.Date))
            {
                line += "  (a weekend day: changes no count)";
            }

            output.WriteLine(line);
        }

        var distinctDays = days.Select(h => h.Date).Distinct().Count();
        var workdays = days.Select(h => h.Date).Distinct().Count(d => !calendar.IsWeekend(d));
        output.WriteLine($"{distinctDays} holiday{(distinctDays == 1 ? string.Empty : "s")}, {workdays} of them on a working weekday.");
        return ExitCodes.Success;
    }

    private int Build(BusinessCalendar calendar, CalendarOptions options, ParseResult parseResult)
    {
        var error = _environment.Error;
        var location = WarehouseLocation.Resolve(parseResult.GetValue(_database), _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
        try
        {
            if (!location.IsInMemory)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(location.Path)!);
            }

            using var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = location.Path }.ConnectionString);
            connection.Open();
            using var transaction = connection.BeginTransaction();
            var existing = DimDateBuilder.ExistingRange(connection);
            var fallback = existing ?? DimDateRange.Default(null, DateOnly.FromDateTime(DateTime.Today));
            var configured = DimDateRange.FromOptions(options, fallback);
            var from = parseResult.GetValue(_from) ?? configured.From;
            var to = parseResult.GetValue(_to) ?? configured.To;
            if (to < from)
            {
                error.WriteLine($"error: the range ends ({to.ToString(DateFormat, CultureInfo.InvariantCulture)}) before it starts ({from.ToString(DateFormat, CultureInfo.InvariantCulture)}); give both --from and --to.");
                return ExitCodes.Usage;
            }

            var result = new DimDateBuilder(calendar).Build(connection, new DimDateRange(from, to));
            transaction.Commit();

            var output = _environment.Out;
            output.WriteLine($"{(existing is null ? "Built" : "Refreshed")} the business calendar in {location.Path}:");
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {DimDateBuilder.Table}: {result.Range}, {result.Days:N0} days, {result.BusinessDays:N0} business days, {result.Holidays:N0} holidays"));
            output.WriteLine($"  macros: {string.Join(", ", CalendarMacros.Names)}");
            output.WriteLine($"  {DimDateBuilder.InfoTable}: {Describe(calendar)}");
            return ExitCodes.Success;
        }
        catch (CalendarConfigurationException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.ConfigurationError;
        }
        catch (Exception exception) when (exception is DuckDbException or IOException or UnauthorizedAccessException or DllNotFoundException)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string Describe(BusinessCalendar calendar)
    {
        var weekend = string.Join(", ", calendar.WeekendDays.OrderBy(d => d == DayOfWeek.Sunday ? 7 : (int)d));
        var sets = calendar.HolidaySets.Count == 0 ? "no holiday set" : "holiday sets " + string.Join(", ", calendar.HolidaySets.Select(s => s.Name));
        var file = calendar.HolidayFile is { } f ? $", holiday file {f.Path}" : string.Empty;
        var fiscal = calendar.FiscalYearStartMonth == 1
            ? string.Empty
            : $", fiscal year from {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(calendar.FiscalYearStartMonth)}";
        return $"weekend {weekend}; {sets}{file}{fiscal}";
    }

    /// <summary>The exception's own sentence, without " (Parameter 'x')" and "Actual value was …".</summary>
    private static string Reason(ArgumentOutOfRangeException exception)
    {
        var message = exception.Message;
        var end = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return end < 0 ? message.Split('\n')[0].TrimEnd() : message[..end];
    }
}
