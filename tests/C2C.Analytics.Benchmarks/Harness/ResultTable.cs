using System.Globalization;

namespace C2C.Analytics.Benchmarks.Harness;

/// <summary>Prints workload results as a fixed-width table.</summary>
internal static class ResultTable
{
    private static readonly string[] Headers =
        ["workload", "median s", "min s", "max s", "rows/s", "values/s", "cpu s", "alloc MB", "B/row", "peak WS MB", "disk MB"];

    public static void Print(TextWriter output, IEnumerable<WorkloadResult> results)
    {
        var rows = results.Select(Cells).ToList();
        var widths = Headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(Headers, widths));
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    /// <summary>Warns when other processes took a noticeable share of the CPU during any run.</summary>
    public static void WarnIfDisturbed(TextWriter output, IEnumerable<WorkloadResult> results)
    {
        var disturbed = results.SelectMany(r => r.Runs.Select(m => (r.Name, m)))
            .Where(x => x.m.OthersCpu is { } o && o.TotalSeconds > Math.Max(0.1, 0.05 * x.m.Wall.TotalSeconds * Environment.ProcessorCount))
            .ToList();
        if (disturbed.Count > 0)
        {
            output.WriteLine($"WARNING: other processes used more than 5% of the machine's CPU during {disturbed.Count} run(s) "
                + $"(worst: {disturbed.Max(x => x.m.OthersCpu!.Value.TotalSeconds):0.00} s during '{disturbed.MaxBy(x => x.m.OthersCpu)!.Name}'); "
                + "these figures are not clean. Rerun on an idle machine.");
        }
    }

    /// <summary>Every run's wall time, in the order taken: shows the spread the median hides.</summary>
    public static void PrintRuns(TextWriter output, IEnumerable<WorkloadResult> results)
    {
        var list = results.ToList();
        var width = list.Max(r => r.Name.Length);
        foreach (var result in list)
        {
            var runs = string.Join("  ", result.Runs.Select(r =>
                $"{Seconds(r.Wall)} s (cpu {Seconds(r.Cpu)}{(r.OthersCpu is { } o ? $", others {Seconds(o)}" : string.Empty)})"));
            output.WriteLine($"{result.Name.PadRight(width)}  {runs}");
        }
    }

    public static string Millions(double value) => (value / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M";

    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    private static string[] Cells(WorkloadResult r) =>
    [
        r.Name,
        Seconds(r.MedianWall),
        Seconds(r.MinWall),
        Seconds(r.MaxWall),
        Millions(r.RowsPerSecond),
        Millions(r.ValuesPerSecond),
        Seconds(r.MedianCpu),
        (r.MedianAllocated / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture),
        ((double)r.MedianAllocated / r.Rows).ToString("0.0", CultureInfo.InvariantCulture),
        r.MaxPeakWorkingSet is { } peak ? (peak / 1048576.0).ToString("0", CultureInfo.InvariantCulture) : "n/a",
        r.MedianWritten is { } written ? (written / 1048576.0).ToString("0", CultureInfo.InvariantCulture) : "n/a",
    ];

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();
}
