namespace C2C.Analytics.DuckDb;

/// <summary>DuckDB's DATE is days and TIMESTAMP microseconds since 1970-01-01.</summary>
internal static class TemporalConverter
{
    private const int EpochDayNumber = 719162; // DateOnly(1970, 1, 1).DayNumber
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    // DuckDB's infinite DATE and TIMESTAMP sentinels.
    public const int DateInfinity = int.MaxValue;
    public const int DateNegativeInfinity = -int.MaxValue;
    public const long TimestampInfinity = long.MaxValue;
    public const long TimestampNegativeInfinity = -long.MaxValue;

    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static DateOnly FromDays(int days) => DateOnly.FromDayNumber(days + EpochDayNumber);

    /// <summary>Microseconds since the epoch; sub-microsecond ticks are dropped (floor), as DuckDB stores none.</summary>
    public static long ToMicros(DateTime value) => FloorDivide(value.Ticks - EpochTicks, TimeSpan.TicksPerMicrosecond);

    public static DateTime FromMicros(long micros, DateTimeKind kind) =>
        new(checked(EpochTicks + (micros * TimeSpan.TicksPerMicrosecond)), kind);

    private static long FloorDivide(long value, long divisor)
    {
        var quotient = Math.DivRem(value, divisor, out var remainder);
        return remainder < 0 ? quotient - 1 : quotient;
    }
}
