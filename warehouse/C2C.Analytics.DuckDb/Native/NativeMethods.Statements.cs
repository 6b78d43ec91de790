using System.Runtime.InteropServices;

namespace C2C.Analytics.DuckDb.Native;

// Extracted and prepared statements, parameters and binding: duckdb.h "Prepared Statements", "Bind Values",
// "Extract Statements", "Pending Result Interface".
internal static unsafe partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial ulong duckdb_extract_statements(ConnectionHandle connection, string query, out ExtractedStatementsHandle statements);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_prepare_extracted_statement(
        ConnectionHandle connection, ExtractedStatementsHandle statements, ulong index, out PreparedStatementHandle prepared);

    [LibraryImport(Lib)]
    internal static partial DuckDbBorrowedString duckdb_extract_statements_error(ExtractedStatementsHandle statements);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_extracted(ref IntPtr statements);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_prepare(ref IntPtr prepared);

    [LibraryImport(Lib)]
    internal static partial DuckDbBorrowedString duckdb_prepare_error(PreparedStatementHandle prepared);

    [LibraryImport(Lib)]
    internal static partial ulong duckdb_nparams(PreparedStatementHandle prepared);

    [LibraryImport(Lib)]
    internal static partial DuckDbOwnedString duckdb_parameter_name(PreparedStatementHandle prepared, ulong index);

    [LibraryImport(Lib)]
    internal static partial DuckDbType duckdb_param_type(PreparedStatementHandle prepared, ulong index);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_clear_bindings(PreparedStatementHandle prepared);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_boolean(PreparedStatementHandle prepared, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_int8(PreparedStatementHandle prepared, ulong index, sbyte value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_int16(PreparedStatementHandle prepared, ulong index, short value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_int32(PreparedStatementHandle prepared, ulong index, int value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_int64(PreparedStatementHandle prepared, ulong index, long value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_hugeint(PreparedStatementHandle prepared, ulong index, DuckDbHugeIntStruct value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_uhugeint(PreparedStatementHandle prepared, ulong index, DuckDbUHugeIntStruct value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_decimal(PreparedStatementHandle prepared, ulong index, DuckDbDecimalStruct value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_uint8(PreparedStatementHandle prepared, ulong index, byte value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_uint16(PreparedStatementHandle prepared, ulong index, ushort value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_uint32(PreparedStatementHandle prepared, ulong index, uint value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_uint64(PreparedStatementHandle prepared, ulong index, ulong value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_float(PreparedStatementHandle prepared, ulong index, float value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_double(PreparedStatementHandle prepared, ulong index, double value);

    /// <summary><c>duckdb_date</c> is a struct of one int32 (days since 1970-01-01), passed by value.</summary>
    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_date(PreparedStatementHandle prepared, ulong index, int days);

    /// <summary><c>duckdb_time</c>: microseconds since midnight.</summary>
    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_time(PreparedStatementHandle prepared, ulong index, long micros);

    /// <summary><c>duckdb_timestamp</c>: microseconds since 1970-01-01 00:00:00.</summary>
    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_timestamp(PreparedStatementHandle prepared, ulong index, long micros);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_timestamp_tz(PreparedStatementHandle prepared, ulong index, long micros);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_interval(PreparedStatementHandle prepared, ulong index, DuckDbIntervalStruct value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_varchar_length(PreparedStatementHandle prepared, ulong index, byte* value, ulong length);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_blob(PreparedStatementHandle prepared, ulong index, void* data, ulong length);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_value(PreparedStatementHandle prepared, ulong index, ValueHandle value);

    /// <summary>A UUID value from its 128 bits read big-endian (upper = first eight bytes).</summary>
    [LibraryImport(Lib)]
    internal static partial ValueHandle duckdb_create_uuid(DuckDbUHugeIntStruct value);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_value(ref IntPtr value);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_bind_null(PreparedStatementHandle prepared, ulong index);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_execute_prepared(PreparedStatementHandle prepared, DuckDbResultStruct* result);

    // The only C-API path to a streaming (not materialised) result in DuckDB 1.5: marked deprecated in the header,
    // still exported, and what keeps a reader's memory flat however many rows a query returns.
    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_pending_prepared_streaming(PreparedStatementHandle prepared, out PendingResultHandle pending);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_pending_prepared(PreparedStatementHandle prepared, out PendingResultHandle pending);

    [LibraryImport(Lib)]
    internal static partial DuckDbPendingState duckdb_pending_execute_task(PendingResultHandle pending);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_execute_pending(PendingResultHandle pending, DuckDbResultStruct* result);

    [LibraryImport(Lib)]
    internal static partial DuckDbBorrowedString duckdb_pending_error(PendingResultHandle pending);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_pending(ref IntPtr pending);
}
