using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb;

/// <summary>DuckDB's INTERVAL: months, days and microseconds are kept apart, as DuckDB keeps them.</summary>
public readonly record struct DuckDbInterval(int Months, int Days, long Micros)
{
    internal DuckDbIntervalStruct ToNative() => new() { Months = Months, Days = Days, Micros = Micros };
}
