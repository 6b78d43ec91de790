using System.Numerics;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Readers;

/// <summary>Integers and floating point: fixed-width values read in place, converted with overflow checks.</summary>
internal sealed unsafe class PrimitiveReader<T>(string name, DuckDbType type, string typeName)
    : ColumnReader(name, type, typeName, typeof(T))
    where T : unmanaged, INumberBase<T>
{
    public T Read(int row) => ((T*)Data)[row];

    public override object GetValue(int row) => Read(row);

    public override byte GetByte(int row) => byte.CreateChecked(Read(row));

    public override short GetInt16(int row) => short.CreateChecked(Read(row));

    public override int GetInt32(int row) => int.CreateChecked(Read(row));

    public override long GetInt64(int row) => long.CreateChecked(Read(row));

    public override float GetFloat(int row) => float.CreateChecked(Read(row));

    public override double GetDouble(int row) => double.CreateChecked(Read(row));

    public override decimal GetDecimal(int row) => decimal.CreateChecked(Read(row));

    public override bool GetBoolean(int row) => !T.IsZero(Read(row));
}

internal sealed unsafe class BooleanReader(string name, string typeName)
    : ColumnReader(name, DuckDbType.Boolean, typeName, typeof(bool))
{
    public override bool GetBoolean(int row) => Data[row] != 0;

    public override object GetValue(int row) => GetBoolean(row);
}
