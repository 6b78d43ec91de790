using System.Numerics;

namespace C2C.Analytics.DuckDb.Writers;

/// <summary>Integer and floating-point columns; integers convert with overflow checks, fractions only into floats.</summary>
internal sealed unsafe class NumericWriter<T>(int index, string typeName) : ColumnWriter(index, typeName)
    where T : unmanaged, INumberBase<T>
{
    private static readonly bool IsFloatingPoint = typeof(T) == typeof(double) || typeof(T) == typeof(float);

    public override void Write(int row, long value) => Store(row, value);

    public override void Write(int row, ulong value) => Store(row, value);

    public override void Write(int row, Int128 value) => Store(row, value);

    public override void Write(int row, UInt128 value) => Store(row, value);

    public override void Write(int row, double value)
    {
        if (!IsFloatingPoint && double.IsFinite(value) && Math.Truncate(value) != value)
        {
            throw OutOfRange(value);
        }

        Store(row, value);
    }

    public override void Write(int row, decimal value)
    {
        if (!IsFloatingPoint && decimal.Truncate(value) != value)
        {
            throw OutOfRange(value);
        }

        Store(row, value);
    }

    private void Store<TValue>(int row, TValue value)
        where TValue : INumberBase<TValue>
    {
        try
        {
            ((T*)Data)[row] = T.CreateChecked(value);
        }
        catch (OverflowException e)
        {
            throw OutOfRange(value, e);
        }
    }
}

internal sealed unsafe class BooleanWriter(int index, string typeName) : ColumnWriter(index, typeName)
{
    public override void Write(int row, bool value) => Data[row] = value ? (byte)1 : (byte)0;
}

/// <summary>DECIMAL(width, scale): rescaled exactly (never rounded) into a 2-, 4-, 8- or 16-byte integer.</summary>
internal sealed unsafe class DecimalWriter(int index, string typeName, byte width, byte scale) : ColumnWriter(index, typeName)
{
    private readonly Int128 _limit = Int128.CreateChecked(BigInteger.Pow(10, width));

    public override void Write(int row, decimal value)
    {
        Int128 scaled;
        try
        {
            scaled = DecimalConverter.Rescale(value, scale);
        }
        catch (Exception e) when (e is InvalidCastException or OverflowException)
        {
            throw OutOfRange(value, e);
        }

        if (scaled >= _limit || scaled <= -_limit)
        {
            throw OutOfRange(value);
        }

        switch (width)
        {
            case <= 4: ((short*)Data)[row] = (short)scaled; break;
            case <= 9: ((int*)Data)[row] = (int)scaled; break;
            case <= 18: ((long*)Data)[row] = (long)scaled; break;
            default: ((Native.DuckDbHugeIntStruct*)Data)[row] = new Native.DuckDbHugeIntStruct(scaled); break;
        }
    }

    public override void Write(int row, long value) => Write(row, (decimal)value);

    public override void Write(int row, ulong value) => Write(row, (decimal)value);
}
