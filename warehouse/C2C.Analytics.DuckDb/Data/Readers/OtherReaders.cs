using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Readers;

/// <summary>UUID: a HUGEINT whose top bit is flipped so that it sorts as unsigned.</summary>
internal sealed unsafe class UuidReader(string name, string typeName)
    : ColumnReader(name, DuckDbType.Uuid, typeName, typeof(Guid))
{
    public override Guid GetGuid(int row)
    {
        var value = ((DuckDbHugeIntStruct*)Data)[row];
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)value.Upper ^ (1UL << 63));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], value.Lower);
        return new Guid(bytes, bigEndian: true);
    }

    public override string GetString(int row) => GetGuid(row).ToString("D");

    public override object GetValue(int row) => GetGuid(row);
}

/// <summary>ENUM: an index into the type's dictionary, read as its string.</summary>
internal sealed unsafe class EnumReader(string name, string typeName, DuckDbType storage, string[] dictionary)
    : ColumnReader(name, DuckDbType.Enum, typeName, typeof(string))
{
    public override string GetString(int row)
    {
        var index = storage switch
        {
            DuckDbType.UTinyInt => Data[row],
            DuckDbType.USmallInt => ((ushort*)Data)[row],
            _ => (int)((uint*)Data)[row],
        };
        return dictionary[index];
    }

    public override object GetValue(int row) => GetString(row);
}

/// <summary>Types this provider does not read (LIST, STRUCT, MAP, …): refused by name when a value is asked for.</summary>
internal sealed class UnsupportedReader(string name, DuckDbType type, string typeName)
    : ColumnReader(name, type, typeName, typeof(object))
{
    public override object GetValue(int row) => throw new NotSupportedException(
        $"Column '{Name}' has DuckDB type {TypeName}, which this provider does not read. " +
        "Cast it in SQL (for example to VARCHAR, or unnest a LIST) to read it.");
}
