using System.Data.Common;
using System.Globalization;

namespace C2C.Analytics.DuckDb;

/// <summary>
/// <c>Data Source=warehouse.duckdb;Read Only=true;Threads=2;Memory Limit=4GB</c>. Any other key is passed to DuckDB as
/// a configuration option (for example <c>default_order=desc</c>), and DuckDB itself rejects unknown ones.
/// </summary>
public sealed class DuckDbConnectionStringBuilder : DbConnectionStringBuilder
{
    public const string InMemory = ":memory:";

    private static readonly string[] DataSourceKeys = ["Data Source", "DataSource", "Database", "Path"];
    private static readonly string[] ReadOnlyKeys = ["Read Only", "ReadOnly", "access_mode"];
    private static readonly string[] ThreadsKeys = ["Threads", "threads"];
    private static readonly string[] MemoryLimitKeys = ["Memory Limit", "MemoryLimit", "memory_limit"];

    public DuckDbConnectionStringBuilder() { }

    public DuckDbConnectionStringBuilder(string? connectionString) => ConnectionString = connectionString ?? string.Empty;

    /// <summary>A database file, <c>:memory:</c> (private to the connection) or <c>:memory:name</c> (shared in-process).</summary>
    public string DataSource
    {
        get => Find(DataSourceKeys) is { } value && value.Length > 0 ? value : InMemory;
        set => Set(DataSourceKeys, value);
    }

    public bool ReadOnly
    {
        get => Find(ReadOnlyKeys) is { } value && ParseReadOnly(value);
        set => Set(ReadOnlyKeys, value ? "true" : "false");
    }

    public int? Threads
    {
        get => Find(ThreadsKeys) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : null;
        set => Set(ThreadsKeys, value?.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>DuckDB's memory_limit, e.g. <c>4GB</c> or <c>80%</c>.</summary>
    public string? MemoryLimit
    {
        get => Find(MemoryLimitKeys);
        set => Set(MemoryLimitKeys, value);
    }

    public bool IsInMemory => DataSource.StartsWith(InMemory, StringComparison.OrdinalIgnoreCase);

    /// <summary>The options DuckDB is opened with, keyed by DuckDB's own option names.</summary>
    internal SortedDictionary<string, string> DuckDbOptions()
    {
        var options = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in Keys)
        {
            if (DataSourceKeys.Contains(key, StringComparer.OrdinalIgnoreCase) || this[key] is not { } raw)
            {
                continue;
            }

            var value = Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
            if (ReadOnlyKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                if (ParseReadOnly(value))
                {
                    options["access_mode"] = "READ_ONLY";
                }
            }
            else if (ThreadsKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                options["threads"] = value;
            }
            else if (MemoryLimitKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                options["memory_limit"] = value;
            }
            else
            {
                options[key] = value;
            }
        }

        return options;
    }

    private static bool ParseReadOnly(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase)
        || value.Equals("read_only", StringComparison.OrdinalIgnoreCase)
        || value.Equals("yes", StringComparison.OrdinalIgnoreCase)
        || value == "1";

    private string? Find(string[] keys)
    {
        foreach (var key in keys)
        {
            if (TryGetValue(key, out var value) && value is not null)
            {
                return Convert.ToString(value, CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private void Set(string[] keys, string? value)
    {
        foreach (var key in keys)
        {
            Remove(key);
        }

        if (value is not null)
        {
            this[keys[0]] = value;
        }
    }
}
