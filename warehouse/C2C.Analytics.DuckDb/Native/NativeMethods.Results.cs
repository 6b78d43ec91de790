using System.Runtime.InteropServices;

namespace C2C.Analytics.DuckDb.Native;

// Query results and data chunks: duckdb.h "Result Functions", "Data Chunk Interface", "Vector Interface",
// "Validity Mask Functions", "Logical Type Interface", "Error Data".
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_result(DuckDbResultStruct* result);

    [LibraryImport(Lib)]
    internal static partial DuckDbBorrowedString duckdb_column_name(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Lib)]
    internal static partial DuckDbType duckdb_column_type(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Lib)]
    internal static partial LogicalTypeHandle duckdb_column_logical_type(DuckDbResultStruct* result, ulong column);

    [LibraryImport(Lib)]
    internal static partial ulong duckdb_column_count(DuckDbResultStruct* result);

    [LibraryImport(Lib)]
    internal static partial ulong duckdb_rows_changed(DuckDbResultStruct* result);

    [LibraryImport(Lib)]
    internal static partial DuckDbBorrowedString duckdb_result_error(DuckDbResultStruct* result);

    [LibraryImport(Lib)]
    internal static partial DuckDbErrorType duckdb_result_error_type(DuckDbResultStruct* result);

    /// <summary>Takes <c>duckdb_result</c> BY VALUE (duckdb.h).</summary>
    [LibraryImport(Lib)]
    internal static partial DuckDbResultType duckdb_result_return_type(DuckDbResultStruct result);

    /// <summary>Takes <c>duckdb_result</c> BY VALUE (duckdb.h). Returns null when the result is exhausted or failed.</summary>
    [LibraryImport(Lib)]
    internal static partial IntPtr duckdb_fetch_chunk(DuckDbResultStruct result);

    [LibraryImport(Lib)]
    internal static partial IntPtr duckdb_create_data_chunk(IntPtr* types, ulong columnCount);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_data_chunk(ref IntPtr chunk);

    [LibraryImport(Lib)]
    internal static partial void duckdb_data_chunk_reset(IntPtr chunk);

    [LibraryImport(Lib)]
    internal static partial ulong duckdb_data_chunk_get_column_count(IntPtr chunk);

    [LibraryImport(Lib)]
    internal static partial IntPtr duckdb_data_chunk_get_vector(IntPtr chunk, ulong column);

    [LibraryImport(Lib)]
    internal static partial ulong duckdb_data_chunk_get_size(IntPtr chunk);

    [LibraryImport(Lib)]
    internal static partial void duckdb_data_chunk_set_size(IntPtr chunk, ulong size);

    [LibraryImport(Lib)]
    internal static partial void* duckdb_vector_get_data(IntPtr vector);

    [LibraryImport(Lib)]
    internal static partial ulong* duckdb_vector_get_validity(IntPtr vector);

    [LibraryImport(Lib)]
    internal static partial void duckdb_vector_ensure_validity_writable(IntPtr vector);

    [LibraryImport(Lib)]
    internal static partial void duckdb_vector_assign_string_element_len(IntPtr vector, ulong index, byte* value, ulong length);

    [LibraryImport(Lib)]
    internal static partial LogicalTypeHandle duckdb_create_logical_type(DuckDbType type);

    [LibraryImport(Lib)]
    internal static partial DuckDbType duckdb_get_type_id(LogicalTypeHandle type);

    [LibraryImport(Lib)]
    internal static partial byte duckdb_decimal_width(LogicalTypeHandle type);

    [LibraryImport(Lib)]
    internal static partial byte duckdb_decimal_scale(LogicalTypeHandle type);

    [LibraryImport(Lib)]
    internal static partial DuckDbType duckdb_decimal_internal_type(LogicalTypeHandle type);

    [LibraryImport(Lib)]
    internal static partial DuckDbType duckdb_enum_internal_type(LogicalTypeHandle type);

    [LibraryImport(Lib)]
    internal static partial uint duckdb_enum_dictionary_size(LogicalTypeHandle type);

    [LibraryImport(Lib)]
    internal static partial DuckDbOwnedString duckdb_enum_dictionary_value(LogicalTypeHandle type, ulong index);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_logical_type(ref IntPtr type);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_error_data(ref IntPtr error);

    [LibraryImport(Lib)]
    internal static partial DuckDbErrorType duckdb_error_data_error_type(ErrorDataHandle error);

    [LibraryImport(Lib)]
    internal static partial DuckDbBorrowedString duckdb_error_data_message(ErrorDataHandle error);

    [LibraryImport(Lib)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool duckdb_error_data_has_error(ErrorDataHandle error);
}
