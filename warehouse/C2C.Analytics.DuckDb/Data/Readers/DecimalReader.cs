using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Readers;

/// <summary>DECIMAL(width, scale): a scaled integer of 2, 4, 8 or 16 bytes by width, read exactly.</summary>
internal sealed unsafe class DecimalReader(string name, string typeName, DuckDbType storage, byte scale)
    : ColumnReader(name, DuckDbType.Decimal, typeName, typeof(decimal))
{
    public override decimal GetDecimal(int row)
    {
        // Widths up to 18 are stored in 2, 4 or 8 bytes with a scale of at most 18: always exact in System.Decimal,
        // built straight from magnitude and sign. Only DECIMAL(19..38) needs the 128-bit path.
        switch (storage)
        {
            case DuckDbType.SmallInt: return FromInt64(((short*)Data)[row]);
            case DuckDbType.Integer: return FromInt64(((int*)Data)[row]);
            case DuckDbType.BigInt: return FromInt64(((long*)Data)[row]);
        }

        try
        {
            return DecimalConverter.FromScaled(((DuckDbHugeIntStruct*)Data)[row].ToInt128(), scale);
        }
        catch (OverflowException e)
        {
            throw new OverflowException($"Column '{Name}' ({TypeName}): {e.Message} Cast it to VARCHAR or DOUBLE in SQL to read it.", e);
        }
    }

    private decimal FromInt64(long value)
    {
        var negative = value < 0;
        var magnitude = negative ? unchecked((ulong)-value) : (ulong)value; // long.MinValue negates to itself: as ulong it is 2^63
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, scale);
    }

    public override double GetDouble(int row) => (double)GetDecimal(row);

    public override object GetValue(int row) => GetDecimal(row);
}
