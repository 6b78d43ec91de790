using System.Buffers;
using System.Text;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Writers;

/// <summary>
/// Writes one column of the appender's data chunk straight into the vector's memory. Each writer accepts the .NET
/// types that convert to its column without loss and refuses the rest, naming the column.
/// </summary>
internal abstract unsafe class ColumnWriter(int index, string typeName)
{
    private IntPtr _vector;
    private ulong* _validity;

    public int Index { get; } = index;

    public string TypeName { get; } = typeName;

    protected byte* Data { get; private set; }

    protected IntPtr Vector => _vector;

    /// <summary>Called for every fresh chunk: a reset chunk may hand out new buffers.</summary>
    public void Bind(IntPtr vector)
    {
        _vector = vector;
        Data = (byte*)NativeMethods.duckdb_vector_get_data(vector);
        _validity = null;
    }

    public void WriteNull(int row)
    {
        if (_validity == null)
        {
            NativeMethods.duckdb_vector_ensure_validity_writable(_vector);
            _validity = NativeMethods.duckdb_vector_get_validity(_vector);
        }

        _validity[row >> 6] &= ~(1UL << (row & 63));
    }

    public virtual void Write(int row, bool value) => throw Refuse(value);

    public virtual void Write(int row, long value) => throw Refuse(value);

    public virtual void Write(int row, ulong value) => throw Refuse(value);

    public virtual void Write(int row, Int128 value) => throw Refuse(value);

    public virtual void Write(int row, UInt128 value) => throw Refuse(value);

    public virtual void Write(int row, double value) => throw Refuse(value);

    public virtual void Write(int row, decimal value) => throw Refuse(value);

    public virtual void Write(int row, string value) => throw Refuse(value);

    public virtual void Write(int row, ReadOnlySpan<byte> value) => throw Refuse(typeof(byte[]));

    public virtual void Write(int row, DateOnly value) => throw Refuse(value);

    public virtual void Write(int row, DateTime value) => throw Refuse(value);

    public virtual void Write(int row, TimeOnly value) => throw Refuse(value);

    public virtual void Write(int row, Guid value) => throw Refuse(value);

    public virtual void Write(int row, DuckDbInterval value) => throw Refuse(value);

    protected InvalidCastException Refuse(object value) => Refuse(value.GetType());

    protected InvalidCastException Refuse(Type type) =>
        new($"Appender column {Index} is {TypeName} and cannot take a value of type {type.Name}.");

    protected InvalidCastException OutOfRange(object value, Exception? inner = null) =>
        new($"Appender column {Index} is {TypeName}: the value {value} does not fit.", inner);

    /// <summary>UTF-8 bytes into the vector: 12 bytes or fewer are inlined in place, longer ones copied by DuckDB.</summary>
    protected void WriteBytes(int row, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= DuckDbStringStruct.InlineLength)
        {
            var target = (DuckDbStringStruct*)Data + row;
            *target = default; // DuckDB compares inlined strings over all 16 bytes: the padding must be zero.
            target->Length = (uint)bytes.Length;
            bytes.CopyTo(new Span<byte>(target->Inlined, DuckDbStringStruct.InlineLength));
            return;
        }

        fixed (byte* pointer = bytes)
        {
            NativeMethods.duckdb_vector_assign_string_element_len(_vector, (ulong)row, pointer, (ulong)bytes.Length);
        }
    }

    protected void WriteUtf8(int row, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length <= 256)
        {
            Span<byte> buffer = stackalloc byte[length];
            WriteBytes(row, buffer[..Encoding.UTF8.GetBytes(value, buffer)]);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            WriteBytes(row, rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
