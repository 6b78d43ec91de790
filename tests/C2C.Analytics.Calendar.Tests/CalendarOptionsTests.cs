using System.Text;
using Microsoft.Extensions.Configuration;

namespace C2C.Analytics.Calendar.Tests;

public class CalendarOptionsTests
{
    [Fact]
    public void Defaults_are_a_Saturday_Sunday_weekend_US_federal_holidays_and_a_calendar_fiscal_year()
    {
        var options = CalendarOptions.FromConfiguration(Json("{}"));

        Assert.True(options.ResolveWeekendDays().SetEquals([DayOfWeek.Saturday, DayOfWeek.Sunday]));
        Assert.Equal(["us-federal"], options.ResolveHolidaySets().Select(s => s.Name));
        Assert.Null(options.HolidayFile);
        Assert.Equal(1, options.FiscalYearStartMonth);
        Assert.Null(options.RangeStart);
        Assert.Null(options.RangeEnd);
    }

    [Fact]
    public void Binds_every_setting_from_the_Calendar_section_replacing_the_defaults()
    {
        var options = CalendarOptions.FromConfiguration(Json("""
            { "Calendar": {
                "WeekendDays": [ "Friday", "Saturday" ],
                "HolidaySets": [ "england-wales", "US-Federal" ],
                "HolidayFile": "holidays.csv",
                "FiscalYearStartMonth": 7,
                "RangeStart": "2020-01-01",
                "RangeEnd": "2030-12-31" } }
            """));

        // Configured lists replace the defaults: no Sunday appended to Friday and Saturday.
        Assert.True(options.ResolveWeekendDays().SetEquals([DayOfWeek.Friday, DayOfWeek.Saturday]));
        Assert.Equal(["england-wales", "us-federal"], options.ResolveHolidaySets().Select(s => s.Name));
        Assert.Equal("holidays.csv", options.HolidayFile);
        Assert.Equal(7, options.FiscalYearStartMonth);
        Assert.Equal(new DateOnly(2020, 1, 1), options.RangeStart);
        Assert.Equal(new DateOnly(2030, 12, 31), options.RangeEnd);
        options.Validate();
    }

    [Fact]
    public void None_means_no_built_in_holiday_set_in_configuration_and_an_empty_list_means_the_same_in_code()
    {
        var configured = CalendarOptions.FromConfiguration(Json("""{ "Calendar": { "HolidaySets": [ "none" ] } }"""));
        Assert.Empty(configured.ResolveHolidaySets());
        Assert.Empty(new CalendarOptions { HolidaySets = [] }.ResolveHolidaySets());
    }

    [Fact]
    public void A_misspelt_setting_is_an_error_not_ignored()
    {
        var ex = Assert.Throws<CalendarConfigurationException>(
            () => CalendarOptions.FromConfiguration(Json("""{ "Calendar": { "WeekendDay": [ "Friday" ] } }""")));
        Assert.Contains("WeekendDay", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_day_name_is_an_error()
    {
        var ex = Assert.Throws<CalendarConfigurationException>(
            () => CalendarOptions.FromConfiguration(Json("""{ "Calendar": { "WeekendDays": [ "Saturdy" ] } }""")));
        Assert.Contains("Calendar:WeekendDays:0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_weekend_is_rejected_with_a_clear_message()
    {
        var ex = Assert.Throws<CalendarConfigurationException>(() => new CalendarOptions { WeekendDays = [] }.Validate());
        Assert.Equal("Calendar:WeekendDays is empty; name at least one weekend day (the default is Saturday and Sunday).", ex.Message);
    }

    [Fact]
    public void A_weekend_of_all_seven_days_is_rejected_with_a_clear_message()
    {
        var options = new CalendarOptions { WeekendDays = [.. Enum.GetValues<DayOfWeek>(), DayOfWeek.Monday] };
        var ex = Assert.Throws<CalendarConfigurationException>(options.Validate);
        Assert.Equal("Calendar:WeekendDays holds all seven days of the week, so no day could ever be a business day.", ex.Message);
    }

    [Fact]
    public void Every_invalid_setting_is_reported_at_once()
    {
        var options = new CalendarOptions
        {
            WeekendDays = [(DayOfWeek)9, DayOfWeek.Sunday],
            HolidaySets = ["us-federal", "scotland", "none"],
            FiscalYearStartMonth = 13,
            RangeStart = new DateOnly(2030, 1, 1),
            RangeEnd = new DateOnly(2020, 1, 1),
        };

        var ex = Assert.Throws<CalendarConfigurationException>(options.Validate);

        Assert.Equal(
            """
            The calendar configuration is invalid:
              Calendar:WeekendDays holds 9, which is not a day of the week.
              Calendar:HolidaySets names an unknown holiday set 'scotland'; the built-in sets are us-federal, england-wales (or 'none' for none).
              Calendar:HolidaySets combines 'none' with holiday sets; use one or the other.
              Calendar:FiscalYearStartMonth is 13; it must be a month number from 1 to 12.
              Calendar:RangeEnd (2020-01-01) is before Calendar:RangeStart (2030-01-01).
            """.ReplaceLineEndings(),
            ex.Message);
    }

    [Fact]
    public void A_range_before_1900_is_rejected()
    {
        var ex = Assert.Throws<CalendarConfigurationException>(new CalendarOptions { RangeStart = new DateOnly(1899, 12, 31) }.Validate);
        Assert.Equal("Calendar:RangeStart (1899-12-31) is before 1900-01-01, the first date the calendar supports.", ex.Message);
    }

    private static IConfiguration Json(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
}
