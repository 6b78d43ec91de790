using System.Globalization;

namespace C2C.Analytics.Benchmarks.Harness;

/// <param name="Only">The workloads to measure (a benchmark's own keys), or null for all of them.</param>
/// <param name="DataDirectory">A folder the benchmark keeps its data in between invocations (<c>--data</c>), or null for a temp folder.</param>
/// <param name="Threads">DuckDB's worker threads (<c>--threads</c>), or null for its default (all cores).</param>
/// <param name="MemoryLimit">DuckDB's memory limit (<c>--memory-limit</c>, e.g. 1GB), or null for the pipeline's default.</param>
internal sealed record BenchmarkOptions(long Rows, int Runs, long WarmupRows, string TempRoot, IReadOnlySet<string>? Only, string? DataDirectory = null, int? Threads = null, string? MemoryLimit = null)
{
    public bool Includes(string workload) => Only is null || Only.Contains(workload);

    public static BenchmarkOptions Parse(ReadOnlySpan<string> args, long defaultRows)
    {
        var rows = defaultRows;
        var runs = 3;
        var warmupRows = 100_000L;
        var tempRoot = Path.GetTempPath();
        HashSet<string>? only = null;
        string? data = null;
        int? threads = null;
        string? memoryLimit = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new FormatException($"Option '{name}' needs a value.");
            }

            var value = args[++i];
            switch (name)
            {
                case "--rows" or "--engagements": rows = ParseCount(name, value, minimum: 1); break;
                case "--runs": runs = (int)ParseCount(name, value, minimum: 1); break;
                case "--warmup-rows": warmupRows = ParseCount(name, value, minimum: 0); break;
                case "--dir": tempRoot = value; break;
                case "--data": data = value; break;
                case "--threads": threads = (int)ParseCount(name, value, minimum: 1); break;
                case "--memory-limit": memoryLimit = value; break;
                case "--only": only = new HashSet<string>(value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase); break;
                default: throw new FormatException($"Unknown option '{name}'.");
            }
        }

        return new BenchmarkOptions(rows, runs, warmupRows, tempRoot, only, data, threads, memoryLimit);
    }

    private static long ParseCount(string name, string text, long minimum)
    {
        var cleaned = text.Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        var multiplier = 1L;
        if (cleaned.EndsWith('k'))
        {
            multiplier = 1_000;
            cleaned = cleaned[..^1];
        }
        else if (cleaned.EndsWith('m'))
        {
            multiplier = 1_000_000;
            cleaned = cleaned[..^1];
        }

        if (!long.TryParse(cleaned, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value * multiplier < minimum)
        {
            throw new FormatException($"Option '{name}' needs a whole number of at least {minimum}, not '{text}'.");
        }

        return value * multiplier;
    }
}
