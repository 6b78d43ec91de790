using C2C.Analytics.Calendar;
using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Calendar;
using Dapper;

namespace C2C.Analytics.Warehouse.Tests.Calendar;

/// <summary>An in-memory DuckDB database holding the calendar objects <see cref="DimDateBuilder"/> builds.</summary>
public sealed class CalendarWarehouse : IDisposable
{
    public CalendarWarehouse(BusinessCalendar calendar, DimDateRange range)
    {
        Calendar = calendar;
        Range = range;
        Connection = new DuckDbConnection("Data Source=:memory:");
        Connection.Open();
        Result = new DimDateBuilder(calendar).Build(Connection, range);
    }

    public BusinessCalendar Calendar { get; }

    public DimDateRange Range { get; }

    public DuckDbConnection Connection { get; }

    public DimDateBuildResult Result { get; }

    /// <summary>US federal holidays, Saturday and Sunday weekend, fiscal year from October; 2020–2030.</summary>
    public static CalendarWarehouse UsFederal() =>
        new(
            new BusinessCalendar([DayOfWeek.Saturday, DayOfWeek.Sunday], [new UsFederalHolidays()], fiscalYearStartMonth: 10),
            new DimDateRange(new DateOnly(2020, 1, 1), new DateOnly(2030, 12, 31)));

    /// <summary>The value of one SQL expression (e.g. a macro call).</summary>
    public T? Value<T>(string expression) => Connection.ExecuteScalar<T>($"SELECT {expression}");

    /// <summary>The DuckDB error an expression raises (the test fails when it raises none).</summary>
    public DuckDbException Error(string expression) =>
        Assert.Throws<DuckDbException>(() => Connection.ExecuteScalar<object>($"SELECT {expression}"));

    public void Dispose() => Connection.Dispose();
}
