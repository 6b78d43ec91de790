namespace C2C.Analytics.Benchmarks.Harness;

/// <summary>Picks the benchmark named by the first argument and hands it the parsed options.</summary>
internal static class BenchmarkDispatcher
{
    public static int Run(IReadOnlyList<IBenchmark> benchmarks, string[] args)
    {
        var output = Console.Out;
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintHelp(benchmarks, output);
            return args.Length == 0 ? 2 : 0;
        }

        var benchmark = benchmarks.FirstOrDefault(b => string.Equals(b.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (benchmark is null)
        {
            Console.Error.WriteLine($"Unknown benchmark '{args[0]}'.");
            PrintHelp(benchmarks, Console.Error);
            return 2;
        }

        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args.AsSpan(1), benchmark.DefaultRows);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine(e.Message);
            PrintHelp(benchmarks, Console.Error);
            return 2;
        }

        if (options.Only?.FirstOrDefault(w => !benchmark.Workloads.Contains(w, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            Console.Error.WriteLine($"Unknown workload '{unknown}'; the {benchmark.Name} benchmark has: {string.Join(", ", benchmark.Workloads)}.");
            return 2;
        }

        MachineInfo.Print(output);
        return benchmark.Run(options, output);
    }

    private static void PrintHelp(IReadOnlyList<IBenchmark> benchmarks, TextWriter output)
    {
        output.WriteLine("Usage: dotnet run -c Release --project tests/C2C.Analytics.Benchmarks -- <benchmark> [options]");
        output.WriteLine();
        output.WriteLine("Benchmarks:");
        foreach (var benchmark in benchmarks)
        {
            output.WriteLine($"  {benchmark.Name,-12} {benchmark.Description} (default --rows {benchmark.DefaultRows:N0})");
            output.WriteLine($"  {string.Empty,-12} workloads: {string.Join(", ", benchmark.Workloads)}");
        }

        output.WriteLine();
        output.WriteLine("Options:");
        output.WriteLine("  --rows N          rows per measured run (--engagements N: the same, for the pipeline)");
        output.WriteLine("  --runs N          measured runs per workload; the median is reported (default 3)");
        output.WriteLine("  --warmup-rows N   rows of the untimed warm-up run (default 100,000; 0 skips it)");
        output.WriteLine("  --dir PATH        where the temporary database directory is created (default: the system temp dir)");
        output.WriteLine("  --data DIR        keep the benchmark's data (e.g. the pipeline's landed sample) in DIR and reuse it next time");
        output.WriteLine("  --threads N       DuckDB worker threads (default: all cores; the pipeline benchmark only)");
        output.WriteLine("  --memory-limit M  DuckDB memory limit for the run, e.g. 1GB (default: the pipeline's; the pipeline benchmark only)");
        output.WriteLine("  --only A,B        measure only these workloads (for profiling one of them), e.g. provider: --only appender");
        output.WriteLine("Numbers may use '_' or ',' as separators, or a suffix k/m (e.g. 10m).");
    }
}
