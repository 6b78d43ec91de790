using System.Globalization;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Readers;

/// <summary>
/// Reads one column of the current data chunk. One reader per column lives for the whole result and is re-bound to
/// each new chunk's vector; values are read straight from DuckDB's vector memory.
/// </summary>
internal abstract unsafe class ColumnReader
{
    private ulong* _validity;

    protected ColumnReader(string name, DuckDbType type, string typeName, Type clrType)
    {
        Name = name;
        Type = type;
        TypeName = typeName;
        ClrType = clrType;
    }

    public string Name { get; }

    public DuckDbType Type { get; }

    public string TypeName { get; }

    public Type ClrType { get; }

    protected byte* Data { get; private set; }

    public virtual void Bind(IntPtr vector)
    {
        Data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        // A null validity mask means every row of this chunk is valid.
        _validity = NativeMethods.duckdb_vector_get_validity(vector);
    }

    public bool IsNull(int row) => _validity != null && (_validity[row >> 6] & (1UL << (row & 63))) == 0;

    /// <summary>The value boxed as <see cref="ClrType"/>; the caller has checked <see cref="IsNull"/>.</summary>
    public abstract object GetValue(int row);

    public virtual bool GetBoolean(int row) => Convert.ToBoolean(GetValue(row), CultureInfo.InvariantCulture);

    public virtual byte GetByte(int row) => Convert.ToByte(GetValue(row), CultureInfo.InvariantCulture);

    public virtual short GetInt16(int row) => Convert.ToInt16(GetValue(row), CultureInfo.InvariantCulture);

    public virtual int GetInt32(int row) => Convert.ToInt32(GetValue(row), CultureInfo.InvariantCulture);

    public virtual long GetInt64(int row) => Convert.ToInt64(GetValue(row), CultureInfo.InvariantCulture);

    public virtual float GetFloat(int row) => Convert.ToSingle(GetValue(row), CultureInfo.InvariantCulture);

    public virtual double GetDouble(int row) => Convert.ToDouble(GetValue(row), CultureInfo.InvariantCulture);

    public virtual decimal GetDecimal(int row) => Convert.ToDecimal(GetValue(row), CultureInfo.InvariantCulture);

    public virtual string GetString(int row) => Convert.ToString(GetValue(row), CultureInfo.InvariantCulture) ?? string.Empty;

    public virtual DateTime GetDateTime(int row) => GetValue(row) switch
    {
        DateTime value => value,
        DateOnly value => value.ToDateTime(TimeOnly.MinValue),
        var other => throw InvalidCast(typeof(DateTime), other),
    };

    public virtual DateOnly GetDateOnly(int row) => GetValue(row) switch
    {
        DateOnly value => value,
        DateTime value => DateOnly.FromDateTime(value),
        var other => throw InvalidCast(typeof(DateOnly), other),
    };

    public virtual Guid GetGuid(int row) => GetValue(row) switch
    {
        Guid value => value,
        string text => Guid.Parse(text),
        var other => throw InvalidCast(typeof(Guid), other),
    };

    protected InvalidCastException InvalidCast(Type target, object value) =>
        new($"Column '{Name}' ({TypeName}) holds a {value.GetType().Name}, which cannot be read as {target.Name}.");
}
