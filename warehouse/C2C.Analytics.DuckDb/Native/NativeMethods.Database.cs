using System.Runtime.InteropServices;

namespace C2C.Analytics.DuckDb.Native;

// Database, configuration, instance cache and connection: duckdb.h "Open Connect", "Configuration", "Instance Cache".
internal static unsafe partial class NativeMethods
{
    private const string Lib = NativeLibraryResolver.LibraryName;

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string? path, out DatabaseHandle database, ConfigHandle config, out DuckDbOwnedString error);

    [LibraryImport(Lib)]
    internal static partial void duckdb_close(ref IntPtr database);

    [LibraryImport(Lib)]
    internal static partial InstanceCacheHandle duckdb_create_instance_cache();

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_get_or_create_from_cache(
        InstanceCacheHandle cache, string? path, out DatabaseHandle database, ConfigHandle config, out DuckDbOwnedString error);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_instance_cache(ref IntPtr cache);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_create_config(out ConfigHandle config);

    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(ConfigHandle config, string name, string option);

    [LibraryImport(Lib)]
    internal static partial void duckdb_destroy_config(ref IntPtr config);

    [LibraryImport(Lib)]
    internal static partial DuckDbState duckdb_connect(DatabaseHandle database, out ConnectionHandle connection);

    [LibraryImport(Lib)]
    internal static partial void duckdb_disconnect(ref IntPtr connection);

    [LibraryImport(Lib)]
    internal static partial void duckdb_interrupt(ConnectionHandle connection);

    [LibraryImport(Lib)]
    internal static partial DuckDbBorrowedString duckdb_library_version();

    [LibraryImport(Lib)]
    internal static partial void duckdb_free(void* pointer);

    [LibraryImport(Lib)]
    internal static partial ulong duckdb_vector_size();
}
