namespace C2C.Analytics.Benchmarks.Harness;

/// <summary>The measured runs of one workload over <see cref="Rows"/> rows of <see cref="ValuesPerRow"/> values.</summary>
internal sealed class WorkloadResult(string name, long rows, int valuesPerRow)
{
    private readonly List<Measurement> _runs = [];

    public string Name { get; } = name;

    public long Rows { get; } = rows;

    public int ValuesPerRow { get; } = valuesPerRow;

    public IReadOnlyList<Measurement> Runs => _runs;

    public void Add(Measurement measurement) => _runs.Add(measurement);

    public TimeSpan MedianWall => Median(_runs.Select(r => r.Wall));

    public TimeSpan MinWall => _runs.Min(r => r.Wall);

    public TimeSpan MaxWall => _runs.Max(r => r.Wall);

    public TimeSpan MedianCpu => Median(_runs.Select(r => r.Cpu));

    public long MedianAllocated => Median(_runs.Select(r => r.AllocatedBytes));

    public long? MaxPeakWorkingSet => _runs.Any(r => r.PeakWorkingSetBytes is null) ? null : _runs.Max(r => r.PeakWorkingSetBytes);

    public long? MedianWritten => _runs.Any(r => r.WrittenBytes is null) ? null : Median(_runs.Select(r => r.WrittenBytes!.Value));

    public double RowsPerSecond => Rows / MedianWall.TotalSeconds;

    public double ValuesPerSecond => RowsPerSecond * ValuesPerRow;

    private static T Median<T>(IEnumerable<T> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2]; // runs are usually odd (3); for an even count this is the upper median
    }
}
