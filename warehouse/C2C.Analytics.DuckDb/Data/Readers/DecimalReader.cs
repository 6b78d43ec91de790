using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Readers;

/// <summary>DECIMAL(width, scale): a scaled integer of 2, 4, 8 or 16 bytes by width, read exactly.</summary>
internal sealed unsafe class DecimalReader(string name, string typeName, DuckDbType storage, byte scale)
    : ColumnReader(name, DuckDbType.Decimal, typeName, typeof(decimal))
{
    public override decimal GetDecimal(int row)
    {
        try
        {
            return storage switch
            {
                DuckDbType.SmallInt => DecimalConverter.FromScaled(((short*)Data)[row], scale),
                DuckDbType.Integer => DecimalConverter.FromScaled(((int*)Data)[row], scale),
                DuckDbType.BigInt => DecimalConverter.FromScaled(((long*)Data)[row], scale),
                _ => DecimalConverter.FromScaled(((DuckDbHugeIntStruct*)Data)[row].ToInt128(), scale),
            };
        }
        catch (OverflowException e)
        {
            throw new OverflowException($"Column '{Name}' ({TypeName}): {e.Message} Cast it to VARCHAR or DOUBLE in SQL to read it.", e);
        }
    }

    public override double GetDouble(int row) => (double)GetDecimal(row);

    public override object GetValue(int row) => GetDecimal(row);
}
