using System.Diagnostics;

namespace C2C.Analytics.Benchmarks.Harness;

/// <summary>
/// One timed run: wall and CPU time (all threads, DuckDB's included), managed allocation, peak working set, the bytes
/// the process caused to be written to storage, and the CPU time other processes took meanwhile (the last three on
/// Linux only). On a 2-core machine another busy process ruins a measurement: <see cref="OthersCpu"/> shows it.
/// </summary>
internal readonly record struct Measurement(
    TimeSpan Wall, TimeSpan Cpu, long AllocatedBytes, long? PeakWorkingSetBytes, long? WrittenBytes, TimeSpan? OthersCpu)
{
    /// <summary>Times <paramref name="body"/> after a full collection, so one run's garbage is not charged to the next.</summary>
    public static Measurement Take(Action body)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        PeakMemory.Reset();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var writtenBefore = ProcessIo.WrittenBytes();
        var machineBefore = MachineCpu.Busy();
        var stopwatch = Stopwatch.StartNew();

        body();

        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var written = ProcessIo.WrittenBytes() - writtenBefore;
        var others = MachineCpu.Busy() - machineBefore - cpu;
        return new Measurement(stopwatch.Elapsed, cpu, allocated, PeakMemory.Read(), written,
            others is { } o && o < TimeSpan.Zero ? TimeSpan.Zero : others);
    }
}

/// <summary>
/// The process's peak resident set since the last <see cref="Reset"/>. On Linux, writing 5 to /proc/self/clear_refs
/// resets VmHWM; elsewhere there is no reset and nothing is reported.
/// </summary>
internal static class PeakMemory
{
    private const string ClearRefs = "/proc/self/clear_refs";
    private const string Status = "/proc/self/status";
    private static bool _resettable = OperatingSystem.IsLinux();

    public static void Reset()
    {
        if (!_resettable)
        {
            return;
        }

        try
        {
            File.WriteAllText(ClearRefs, "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _resettable = false;
        }
    }

    public static long? Read()
    {
        if (!_resettable)
        {
            return null;
        }

        return ProcFile.Field(Status, "VmHWM:") * 1024;
    }
}

/// <summary>Bytes this process caused to be sent to storage (<c>write_bytes</c> of /proc/self/io), or null.</summary>
internal static class ProcessIo
{
    public static long? WrittenBytes() => ProcFile.Field("/proc/self/io", "write_bytes:");
}

/// <summary>CPU time all processes together have spent busy since boot (the first line of /proc/stat), or null.</summary>
internal static class MachineCpu
{
    private const double TicksPerSecond = 100; // USER_HZ, 100 on every Linux this runs on

    public static TimeSpan? Busy()
    {
        const string Stat = "/proc/stat";
        if (!OperatingSystem.IsLinux() || !File.Exists(Stat))
        {
            return null;
        }

        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines(Stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long Field(int i) => long.Parse(fields[i], System.Globalization.CultureInfo.InvariantCulture);
        var busy = Field(1) + Field(2) + Field(3) + Field(6) + Field(7) + Field(8);
        return TimeSpan.FromSeconds(busy / TicksPerSecond);
    }
}

internal static class ProcFile
{
    /// <summary>The first number after <paramref name="key"/> in a /proc file of "key: value" lines, or null.</summary>
    public static long? Field(string path, string key)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var number = line[key.Length..].Trim().Split(' ')[0];
                return long.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
