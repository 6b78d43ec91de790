using C2C.Analytics.DuckDb.Native;

namespace C2C.Analytics.DuckDb;

/// <summary>
/// Opens native databases through one process-wide DuckDB instance cache, so that every connection to one file in
/// this process shares one native database (DuckDB allows only one writer process per file, and within the process
/// the cache is what makes several connections see one another's commits).
/// </summary>
internal static class DatabaseRegistry
{
    private static readonly Lazy<InstanceCacheHandle> Cache = new(NativeMethods.duckdb_create_instance_cache);

    public static DatabaseHandle Open(DuckDbConnectionStringBuilder settings)
    {
        var path = NativePath(settings.DataSource);
        var configStatus = NativeMethods.duckdb_create_config(out var config);
        using (config)
        {
            if (configStatus != DuckDbState.Success)
            {
                throw new DuckDbException("DuckDB could not create a configuration object.");
            }

            foreach (var (name, value) in settings.DuckDbOptions())
            {
                if (NativeMethods.duckdb_set_config(config, name, value) != DuckDbState.Success)
                {
                    throw new DuckDbException(
                        $"Invalid DuckDB option '{name}' = '{value}' in the connection string.", DuckDbErrorType.InvalidConfiguration);
                }
            }

            // A private in-memory database must never come out of the cache.
            var state = path == DuckDbConnectionStringBuilder.InMemory
                ? NativeMethods.duckdb_open_ext(path, out var database, config, out var error)
                : NativeMethods.duckdb_get_or_create_from_cache(Cache.Value, path, out database, config, out error);
            var message = error.ReadAndFree();
            if (state != DuckDbState.Success)
            {
                database.Dispose();
                throw new DuckDbException(
                    $"Cannot open DuckDB database '{settings.DataSource}': {message ?? "unknown error"}", DuckDbErrorType.Connection);
            }

            return database;
        }
    }

    private static string NativePath(string dataSource)
    {
        if (dataSource.StartsWith(DuckDbConnectionStringBuilder.InMemory, StringComparison.OrdinalIgnoreCase))
        {
            return dataSource.Length == DuckDbConnectionStringBuilder.InMemory.Length
                ? DuckDbConnectionStringBuilder.InMemory
                : dataSource;
        }

        // One file, one cache entry: "a.duckdb" and "./a.duckdb" are the same database.
        return Path.GetFullPath(dataSource);
    }
}
