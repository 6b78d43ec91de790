using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb;

/// <summary>Exact conversions between DuckDB's scaled-integer DECIMAL and <see cref="decimal"/>.</summary>
internal static class DecimalConverter
{
    private const int MaxDecimalScale = 28;
    private static readonly UInt128 MaxMantissa = (UInt128.One << 96) - 1;

    public static decimal FromScaled(long value, byte scale) => FromScaled((Int128)value, scale);

    public static decimal FromScaled(Int128 value, byte scale)
    {
        var negative = value < 0;
        var magnitude = negative ? (UInt128)(-(value + 1)) + 1 : (UInt128)value;
        // System.Decimal keeps at most 28 fractional digits: drop trailing zeros beyond that, never real digits.
        while (scale > MaxDecimalScale)
        {
            var quotient = UInt128.DivRem(magnitude, 10);
            if (quotient.Remainder != 0)
            {
                throw new OverflowException($"A DECIMAL value with scale {scale} has more fractional digits than System.Decimal can hold.");
            }

            magnitude = quotient.Quotient;
            scale--;
        }

        if (magnitude > MaxMantissa)
        {
            throw new OverflowException("The DECIMAL value is outside the range of System.Decimal (about ±7.9e28).");
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    /// <summary>The decimal's exact mantissa and scale, as DECIMAL(width, scale).</summary>
    public static DuckDbDecimalStruct ToNative(decimal value)
    {
        var (mantissa, scale) = Decompose(value);
        var width = Math.Max(CountDigits(mantissa), (int)scale);
        return new DuckDbDecimalStruct { Width = (byte)width, Scale = scale, Value = new DuckDbHugeIntStruct(mantissa) };
    }

    /// <summary>The value as an integer scaled to <paramref name="targetScale"/> digits, or an error if digits would be lost.</summary>
    public static Int128 Rescale(decimal value, byte targetScale)
    {
        var (mantissa, scale) = Decompose(value);
        while (scale > targetScale)
        {
            var quotient = Int128.DivRem(mantissa, 10);
            if (quotient.Remainder != 0)
            {
                throw new InvalidCastException($"The value {value} has more than {targetScale} decimal places.");
            }

            mantissa = quotient.Quotient;
            scale--;
        }

        for (; scale < targetScale; scale++)
        {
            mantissa = checked(mantissa * 10);
        }

        return mantissa;
    }

    private static int CountDigits(Int128 value)
    {
        var digits = 1;
        for (var magnitude = Int128.Abs(value); magnitude >= 10; magnitude /= 10)
        {
            digits++;
        }

        return digits;
    }

    private static (Int128 Mantissa, byte Scale) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (byte)((bits[3] >> 16) & 0xFF);
        var signed = (Int128)magnitude;
        return (bits[3] < 0 ? -signed : signed, scale);
    }
}
