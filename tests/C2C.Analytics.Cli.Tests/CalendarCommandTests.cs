using System.Security.Cryptography;
using C2C.Analytics.Cli.Tests.Support;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Tests;

/// <summary>
/// <c>c2c calendar</c>. Each test runs in its own directory; an <c>appsettings.json</c> written there overrides the one
/// shipped beside the program (US federal holidays, Saturday and Sunday).
/// </summary>
public sealed class CalendarCommandTests
{
    [Fact]
    public void Holidays_lists_the_years_days_with_weekday_and_name()
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "calendar", "holidays", "--year", "2026");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-11-26  Thursday   Thanksgiving Day", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-07-03  Friday     Independence Day (observed)", result.Out, StringComparison.Ordinal);
        Assert.Contains("11 holidays", result.Out, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public void Holidays_follow_the_configuration_in_the_current_directory()
    {
        using var directory = new TempDirectory();
        WriteSettings(directory, """{ "Calendar": { "HolidaySets": [ "england-wales" ] } }""");

        var result = Run(directory, "calendar", "holidays", "--year", "2026");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-04-03  Friday     Good Friday", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-12-28  Monday     Boxing Day (substitute day)", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Thanksgiving", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Holidays_from_a_holiday_file_show_their_source_and_a_weekend_day_says_it_changes_nothing()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("holidays.csv"), "date,name\n2026-08-15,Company picnic\n2026-12-28,Shutdown\n");
        WriteSettings(directory, """{ "Calendar": { "HolidayFile": "holidays.csv" } }""");

        var result = Run(directory, "calendar", "holidays", "--year", "2026");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-08-15  Saturday   Company picnic  [holiday-file]  (a weekend day: changes no count)", result.Out, StringComparison.Ordinal);
        Assert.Contains("2026-12-25  Friday     Christmas Day  [us-federal]", result.Out, StringComparison.Ordinal);
        Assert.Contains("13 holidays, 12 of them on a working weekday.", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-25", "1", "2026-11-27")] // over Thanksgiving
    [InlineData("2026-12-31", "1", "2027-01-04")] // over New Year
    [InlineData("2027-01-04", "-5", "2026-12-24")] // backwards over Christmas
    [InlineData("2026-11-28", "0", "2026-11-28")] // 0 days: the start, even on a Saturday
    public void Workday_prints_the_date(string start, string days, string expected)
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "calendar", "workday", start, days);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + Environment.NewLine, result.Out);
    }

    [Theory]
    [InlineData("2026-12-24", "2027-01-04", "6")]
    [InlineData("2027-01-04", "2026-12-24", "-6")]
    [InlineData("2026-11-28", "2026-11-28", "0")]
    public void Networkdays_prints_the_count(string start, string end, string expected)
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "calendar", "networkdays", start, end);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + Environment.NewLine, result.Out);
    }

    [Fact]
    public void A_friday_saturday_weekend_from_the_configuration_changes_the_answers()
    {
        using var directory = new TempDirectory();
        WriteSettings(directory, """{ "Calendar": { "WeekendDays": [ "Friday", "Saturday" ], "HolidaySets": [ "none" ] } }""");

        Assert.Equal("2026-11-29" + Environment.NewLine, Run(directory, "calendar", "workday", "2026-11-26", "1").Out); // Thu → Sun
        Assert.Equal("5" + Environment.NewLine, Run(directory, "calendar", "networkdays", "2026-11-22", "2026-11-28").Out);
    }

    [Fact]
    public void A_bad_holiday_file_is_an_error_naming_file_line_and_reason_for_every_bad_row()
    {
        using var directory = new TempDirectory();
        var file = directory.File("holidays.csv");
        File.WriteAllText(file, "date,name\n2026-12-28,Shutdown\n2026-13-01,Bad month\n2026-12-29,\n");
        WriteSettings(directory, """{ "Calendar": { "HolidayFile": "holidays.csv" } }""");

        foreach (var args in new[] { new[] { "calendar", "holidays" }, ["calendar", "workday", "2026-12-24", "1"], ["calendar", "build", "--db", directory.File("w.duckdb")] })
        {
            var result = Run(directory, args);

            Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
            Assert.Equal(string.Empty, result.Out);
            Assert.StartsWith("error: ", result.Error, StringComparison.Ordinal);
            Assert.Contains($"{file}:3: unparseable date '2026-13-01'", result.Error, StringComparison.Ordinal);
            Assert.Contains($"{file}:4: missing name", result.Error, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(directory.File("w.duckdb")));
    }

    [Fact]
    public void A_misspelt_calendar_setting_is_an_error_not_a_silently_different_calendar()
    {
        using var directory = new TempDirectory();
        WriteSettings(directory, """{ "Calendar": { "HolidaySet": [ "england-wales" ] } }""");

        var result = Run(directory, "calendar", "networkdays", "2026-04-01", "2026-04-10");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("HolidaySet", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_that_are_not_json_are_an_error()
    {
        using var directory = new TempDirectory();
        WriteSettings(directory, """{ "Calendar": { "HolidaySets": [ "england-wales" """);

        var result = Run(directory, "calendar", "holidays");

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("appsettings.json", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("workday", "25/11/2026", "1")]
    [InlineData("workday", "2026-11-25", "one")]
    [InlineData("networkdays", "2026-11-25", "tomorrow")]
    public void A_malformed_argument_is_a_usage_error(string command, string first, string second)
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "calendar", command, first, second);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void A_result_outside_the_supported_dates_is_an_error()
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "calendar", "workday", "9999-12-30", "5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("WORKDAY(9999-12-30, 5) falls outside 1900-01-01..9999-12-31", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_creates_dim_date_and_the_macros_in_a_new_warehouse_file()
    {
        using var directory = new TempDirectory();
        var database = directory.File("data/w.duckdb");

        var result = Run(directory, "calendar", "build", "--db", database, "--from", "2025-01-01", "--to", "2027-12-31");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Built the business calendar", result.Out, StringComparison.Ordinal);
        Assert.Contains("dim_date: 2025-01-01 .. 2027-12-31, 1,095 days", result.Out, StringComparison.Ordinal);
        Assert.Contains("macros: business_day_index, business_days_between, networkdays, workday", result.Out, StringComparison.Ordinal);
        using var connection = Open(database);
        Assert.Equal(1095L, Scalar(connection, "SELECT count(*) FROM dim_date"));
        Assert.Equal(6, Scalar(connection, "SELECT networkdays(DATE '2026-12-24', DATE '2027-01-04')"));
        Assert.Equal(new DateOnly(2026, 11, 27), Scalar(connection, "SELECT workday(DATE '2026-11-25', 1)"));
        Assert.Equal(2, Scalar(connection, "SELECT business_days_between(DATE '2026-11-25', DATE '2026-11-30')"));
    }

    [Fact]
    public void Build_refreshes_an_existing_calendar_keeping_its_range_and_records_the_holiday_file()
    {
        using var directory = new TempDirectory();
        var database = directory.File("w.duckdb");
        Assert.Equal(0, Run(directory, "calendar", "build", "--db", database, "--from", "2024-01-01", "--to", "2026-12-31").ExitCode);
        var file = directory.File("holidays.csv");
        File.WriteAllText(file, "date,name\n2026-11-27,Day after Thanksgiving\n");
        WriteSettings(directory, """{ "Calendar": { "HolidayFile": "holidays.csv" } }""");

        var result = Run(directory, "calendar", "build", "--db", database);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Refreshed the business calendar", result.Out, StringComparison.Ordinal);
        Assert.Contains("dim_date: 2024-01-01 .. 2026-12-31", result.Out, StringComparison.Ordinal);
        using var connection = Open(database);
        Assert.Equal(new DateOnly(2026, 11, 30), Scalar(connection, "SELECT workday(DATE '2026-11-25', 1)"));
        Assert.Equal("holidays.csv", Scalar(connection, "SELECT holiday_file FROM calendar_info"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), Scalar(connection, "SELECT holiday_file_sha256 FROM calendar_info"));
    }

    [Fact]
    public void Build_takes_the_configured_range_when_no_option_is_given()
    {
        using var directory = new TempDirectory();
        WriteSettings(directory, """{ "Calendar": { "RangeStart": "2019-07-01", "RangeEnd": "2031-06-30" } }""");

        var result = Run(directory, "calendar", "build", "--db", directory.File("w.duckdb"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dim_date: 2019-07-01 .. 2031-06-30", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_without_a_range_covers_last_year_to_two_years_ahead_and_uses_the_default_warehouse_location()
    {
        using var directory = new TempDirectory();
        var year = DateTime.Today.Year;

        var result = Run(directory, "calendar", "build");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"dim_date: {year - 1}-01-01 .. {year + 2}-12-31", result.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(directory.File("data/warehouse.duckdb")));
    }

    [Fact]
    public void Build_with_a_range_that_ends_before_it_starts_is_a_usage_error_and_changes_nothing()
    {
        using var directory = new TempDirectory();
        var database = directory.File("w.duckdb");
        Assert.Equal(0, Run(directory, "calendar", "build", "--db", database, "--from", "2024-01-01", "--to", "2026-12-31").ExitCode);

        var result = Run(directory, "calendar", "build", "--db", database, "--from", "2027-01-01");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("before it starts", result.Error, StringComparison.Ordinal);
        using var connection = Open(database);
        Assert.Equal(new DateOnly(2024, 1, 1), Scalar(connection, "SELECT range_start FROM calendar_info"));
    }

    private static CliResult Run(TempDirectory directory, params string[] args) =>
        CliRunner.Run(args, new CliOptions(CurrentDirectory: directory.Path));

    private static void WriteSettings(TempDirectory directory, string json) =>
        File.WriteAllText(directory.File("appsettings.json"), json);

    private static DuckDbConnection Open(string path)
    {
        var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = path }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static object? Scalar(DuckDbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
