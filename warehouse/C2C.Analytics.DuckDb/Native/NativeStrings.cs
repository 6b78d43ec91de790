using System.Runtime.InteropServices;
using System.Runtime.InteropServices.Marshalling;

namespace C2C.Analytics.DuckDb.Native;

// Strings that come from C have two owners. DuckDB keeps the ones it lends (error messages, column names): they must
// never be freed. The ones it hands over (out_error, parameter names) must be freed with duckdb_free exactly once.
// Two types keep the two apart at every declaration.

/// <summary>A string DuckDB lends: read it, never free it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly unsafe struct DuckDbBorrowedString
{
    private readonly byte* _pointer;

    public bool IsNull => _pointer == null;

    public string? Read() => _pointer == null ? null : Utf8StringMarshaller.ConvertToManaged(_pointer);
}

/// <summary>A string DuckDB hands over: read it once and free it with <c>duckdb_free</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DuckDbOwnedString
{
    private byte* _pointer;

    public string? ReadAndFree()
    {
        if (_pointer == null)
        {
            return null;
        }

        var value = Utf8StringMarshaller.ConvertToManaged(_pointer);
        NativeMethods.duckdb_free(_pointer);
        _pointer = null;
        return value;
    }
}
