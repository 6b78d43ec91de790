using System.Text;
using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb.Readers;

/// <summary>VARCHAR and BLOB: <c>duckdb_string_t</c>, inlined up to 12 bytes, else a pointer into DuckDB's heap.</summary>
internal sealed unsafe class VarcharReader(string name, DuckDbType type, string typeName)
    : ColumnReader(name, type, typeName, type == DuckDbType.Blob ? typeof(byte[]) : typeof(string))
{
    public ReadOnlySpan<byte> Bytes(int row)
    {
        var value = (DuckDbStringStruct*)Data + row;
        var length = (int)value->Length;
        return length <= DuckDbStringStruct.InlineLength
            ? new ReadOnlySpan<byte>(value->Inlined, length)
            : new ReadOnlySpan<byte>(value->Pointer, length);
    }

    public override string GetString(int row) => Type == DuckDbType.Blob
        ? Convert.ToHexString(Bytes(row))
        : Encoding.UTF8.GetString(Bytes(row));

    public override object GetValue(int row) => Type == DuckDbType.Blob ? Bytes(row).ToArray() : GetString(row);
}
