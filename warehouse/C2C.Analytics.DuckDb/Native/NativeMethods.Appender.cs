using System.Runtime.InteropServices;

namespace C2C.Analytics.DuckDb.Native;

// The appender: duckdb.h "Appender".
internal static partial class NativeMethods
{
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create_ext(
        ConnectionHandle connection, string? catalog, string? schema, string table, out AppenderHandle appender);

    [LibraryImport(Lib)]
    internal static partial ulong duckdb_appender_column_count(AppenderHandle appender);

    [LibraryImport(Lib)]
    internal static partial LogicalTypeHandle duckdb_appender_column_type(AppenderHandle appender, ulong column);

    [LibraryImport(Lib)]
    internal static partial ErrorDataHandle duckdb_appender_error_data(AppenderHandle appender);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_append_data_chunk(AppenderHandle appender, IntPtr chunk);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_appender_flush(AppenderHandle appender);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_appender_close(AppenderHandle appender);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_appender_destroy(ref IntPtr appender);
}
