using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Readers;

/// <summary>DATE: days since 1970-01-01, read as <see cref="DateOnly"/>.</summary>
internal sealed unsafe class DateReader(string name, string typeName)
    : ColumnReader(name, DuckDbType.Date, typeName, typeof(DateOnly))
{
    public override DateOnly GetDateOnly(int row)
    {
        var days = ((int*)Data)[row];
        if (days is TemporalConverter.DateInfinity or TemporalConverter.DateNegativeInfinity)
        {
            throw new InvalidCastException($"Column '{Name}' holds an infinite DATE, which has no .NET value; filter it or cast it to VARCHAR in SQL.");
        }

        return TemporalConverter.FromDays(days);
    }

    public override DateTime GetDateTime(int row) => GetDateOnly(row).ToDateTime(TimeOnly.MinValue);

    public override object GetValue(int row) => GetDateOnly(row);
}

/// <summary>
/// TIMESTAMP family. TIMESTAMPTZ is an instant, read as UTC; a plain TIMESTAMP carries no zone and is read as
/// <see cref="DateTimeKind.Unspecified"/> (the warehouse stores UTC in its <c>_at</c> columns by convention).
/// </summary>
internal sealed unsafe class TimestampReader(string name, DuckDbType type, string typeName)
    : ColumnReader(name, type, typeName, typeof(DateTime))
{
    public override DateTime GetDateTime(int row)
    {
        var raw = ((long*)Data)[row];
        if (raw is TemporalConverter.TimestampInfinity or TemporalConverter.TimestampNegativeInfinity)
        {
            throw new InvalidCastException($"Column '{Name}' holds an infinite timestamp, which has no .NET value; filter it or cast it to VARCHAR in SQL.");
        }

        var micros = Type switch
        {
            DuckDbType.TimestampS => raw * 1_000_000,
            DuckDbType.TimestampMs => raw * 1_000,
            DuckDbType.TimestampNs => raw / 1_000,
            _ => raw,
        };
        return TemporalConverter.FromMicros(micros, Type == DuckDbType.TimestampTz ? DateTimeKind.Utc : DateTimeKind.Unspecified);
    }

    public override DateOnly GetDateOnly(int row) => DateOnly.FromDateTime(GetDateTime(row));

    public override object GetValue(int row) => GetDateTime(row);
}

/// <summary>TIME: microseconds since midnight.</summary>
internal sealed unsafe class TimeReader(string name, string typeName)
    : ColumnReader(name, DuckDbType.Time, typeName, typeof(TimeOnly))
{
    public override object GetValue(int row) => new TimeOnly(((long*)Data)[row] * TimeSpan.TicksPerMicrosecond);
}

internal sealed unsafe class IntervalReader(string name, string typeName)
    : ColumnReader(name, DuckDbType.Interval, typeName, typeof(DuckDbInterval))
{
    public override object GetValue(int row)
    {
        var value = ((DuckDbIntervalStruct*)Data)[row];
        return new DuckDbInterval(value.Months, value.Days, value.Micros);
    }
}
