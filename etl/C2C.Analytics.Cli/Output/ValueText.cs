using System.Globalization;
using System.Text;
using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Output;

/// <summary>
/// One value as text, the same in every format: invariant culture, ISO 8601 dates, times and timestamps, numbers
/// exact (decimals keep their scale, doubles the shortest text that reads back to the same value).
/// </summary>
internal static class ValueText
{
    public static string Format(object value) => value switch
    {
        string text => text,
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime timestamp => Timestamp(timestamp),
        TimeOnly time => time.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        byte[] bytes => @"\x" + Convert.ToHexStringLower(bytes),
        DuckDbInterval interval => Interval(interval),
        Guid guid => guid.ToString("D"),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    /// <summary>True for the CLR types of DuckDB's numeric columns (integers of every width, floating point, DECIMAL).</summary>
    public static bool IsNumeric(Type type) =>
        type == typeof(Int128) || type == typeof(UInt128) || Type.GetTypeCode(type) switch
        {
            TypeCode.SByte or TypeCode.Byte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 or TypeCode.Single or TypeCode.Double or TypeCode.Decimal => true,
            _ => false,
        };

    /// <summary><c>2024-03-01T12:30:00.25</c>; a TIMESTAMPTZ (read as UTC) ends in <c>Z</c>.</summary>
    private static string Timestamp(DateTime value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + (value.Kind == DateTimeKind.Utc ? "Z" : string.Empty);

    /// <summary>An ISO 8601 duration, <c>P1Y2M3DT4H5M6.5S</c>; a negative part carries its own sign, as PostgreSQL writes it.</summary>
    private static string Interval(DuckDbInterval value)
    {
        var text = new StringBuilder("P");
        Append(text, value.Months / 12, 'Y');
        Append(text, value.Months % 12, 'M');
        Append(text, value.Days, 'D');
        if (value.Micros != 0)
        {
            text.Append('T');
            Append(text, value.Micros / 3_600_000_000L, 'H');
            Append(text, value.Micros % 3_600_000_000L / 60_000_000L, 'M');
            var micros = value.Micros % 60_000_000L;
            if (micros != 0)
            {
                text.Append((micros / 1_000_000m).ToString("0.######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    private static void Append(StringBuilder text, long amount, char unit)
    {
        if (amount != 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
