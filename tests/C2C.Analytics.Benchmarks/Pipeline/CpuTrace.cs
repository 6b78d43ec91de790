using System.Diagnostics;
using C2C.Analytics.Benchmarks.Harness;

namespace C2C.Analytics.Benchmarks.Pipeline;

/// <summary>
/// The process's CPU time (all threads, DuckDB's included) at each progress line of a run, and its peak resident set
/// so far (VmHWM, which the measurement reset when the run started): where that rises is where the run's peak is
/// reached. On a shared machine a step's wall time says more about the neighbours than about the step; its CPU time
/// does not.
/// </summary>
internal sealed class CpuTrace
{
    private readonly List<(string Line, TimeSpan Cpu, long? Peak)> _marks = [];

    public void Mark(string line)
    {
        using var process = Process.GetCurrentProcess();
        _marks.Add((line, process.TotalProcessorTime, PeakMemory.Read()));
    }

    /// <summary>CPU from the line <c>"{step}…"</c> (a step starting) to the next step's start, or to the last mark; the peak so far there.</summary>
    public (TimeSpan Cpu, long? Peak)? Step(string step, IReadOnlyList<string> steps)
    {
        var start = _marks.FindIndex(m => m.Line == step + "…");
        if (start < 0)
        {
            return null;
        }

        var end = _marks.FindIndex(start + 1, m => steps.Any(s => m.Line == s + "…"));
        end = end < 0 ? _marks.Count - 1 : end;
        return (_marks[end].Cpu - _marks[start].Cpu, _marks[end].Peak);
    }

    /// <summary>CPU from the line before <c>"model {name}: …"</c> (printed when the model is built) to it; the peak so far then.</summary>
    public (TimeSpan Cpu, long? Peak)? Model(string name)
    {
        var end = _marks.FindIndex(m => m.Line.StartsWith("model " + name + ":", StringComparison.Ordinal));
        return end > 0 ? (_marks[end].Cpu - _marks[end - 1].Cpu, _marks[end].Peak) : null;
    }
}
