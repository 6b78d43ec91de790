using C2C.Analytics.Benchmarks.Harness;

namespace C2C.Analytics.Benchmarks;

/// <summary>One sub-command of the benchmark program: <c>c2c-bench &lt;Name&gt; [options]</c>.</summary>
internal interface IBenchmark
{
    /// <summary>The sub-command, e.g. <c>provider</c> or <c>calendar</c>.</summary>
    string Name { get; }

    /// <summary>One line for the help text.</summary>
    string Description { get; }

    /// <summary>The keys of its workloads, for <c>--only</c>.</summary>
    IReadOnlyList<string> Workloads { get; }

    /// <summary>The row count used when <c>--rows</c> is not given.</summary>
    long DefaultRows { get; }

    /// <summary>Runs the warm-up and the measured runs and prints the results; returns the process exit code.</summary>
    int Run(BenchmarkOptions options, TextWriter output);
}
