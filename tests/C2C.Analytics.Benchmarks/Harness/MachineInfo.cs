using System.Runtime;
using System.Runtime.InteropServices;

namespace C2C.Analytics.Benchmarks.Harness;

internal static class MachineInfo
{
    public static void Print(TextWriter output)
    {
        output.WriteLine($"Machine : {Environment.ProcessorCount} logical cores, {CpuModel()}, {TotalMemory()}");
        output.WriteLine($"OS      : {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})");
        output.WriteLine($"Runtime : {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, "
            + $"{(IsOptimized() ? "Release" : "DEBUG (numbers are meaningless)")} build");
        output.WriteLine();
    }

    private static bool IsOptimized() =>
        typeof(MachineInfo).Assembly.GetCustomAttributes(typeof(System.Diagnostics.DebuggableAttribute), false)
            .OfType<System.Diagnostics.DebuggableAttribute>()
            .All(a => !a.IsJITOptimizerDisabled);

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (File.Exists(CpuInfo))
        {
            var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string TotalMemory() =>
        $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB RAM";
}
