using System.Diagnostics;
using System.Globalization;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Benchmarks.Pipeline;

/// <summary>
/// A landed run of the built-in sample (what <c>c2c sample --engagements N --seed S --as-of D</c> writes), in a data
/// folder of its own named by those options, so that a kept <c>--data</c> folder serves the next invocation too.
/// </summary>
internal sealed class LandedSample
{
    private readonly LandingArea _landing;
    private readonly IReadOnlyList<LandingManifest> _manifests;

    private LandedSample(string dataDirectory, int engagements, string runId, IReadOnlyList<LandingManifest> manifests, TimeSpan? generated)
    {
        DataDirectory = dataDirectory;
        Engagements = engagements;
        RunId = runId;
        _landing = new LandingArea(dataDirectory);
        _manifests = manifests;
        Generated = generated;
    }

    public string DataDirectory { get; }

    public int Engagements { get; }

    public string RunId { get; }

    /// <summary>How long generating it took, or null when an earlier invocation's was reused.</summary>
    public TimeSpan? Generated { get; }

    /// <summary>The landed sample in <paramref name="root"/> for these options: the newest complete one there, or a new one.</summary>
    public static LandedSample Ensure(string root, int engagements, int seed, DateOnly asOf, TextWriter output)
    {
        var data = Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"sample-{engagements}-seed{seed}-{asOf:yyyyMMdd}"));
        var landing = new LandingArea(data);
        var complete = RawSource.All
            .Select(s => landing.CompletedRuns(s.Source, s.Entity).ToHashSet(StringComparer.Ordinal))
            .Aggregate((a, b) => { a.IntersectWith(b); return a; });
        if (complete.Order(StringComparer.Ordinal).LastOrDefault() is { } existing)
        {
            return new LandedSample(data, engagements, existing, Read(landing, existing), generated: null);
        }

        output.WriteLine($"Sample  : generating {engagements:N0} engagements …");
        var watch = Stopwatch.StartNew();
        var runId = LandingArea.NewRunId(DateTimeOffset.UtcNow);
        var result = new SampleGenerator(new SampleOptions { Engagements = engagements, Seed = seed, AsOf = asOf, Tracker = new TrackerOptions() })
            .Generate(landing, runId);
        return new LandedSample(data, engagements, runId, result.Manifests, watch.Elapsed);
    }

    public IReadOnlyList<string> Files(RawSource source) =>
        _manifests.FirstOrDefault(m => m.Source == source.Source && m.Entity == source.Entity) is { } manifest
            ? _landing.FilePaths(manifest)
            : [];

    public void Print(TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sample  : {Engagements:N0} engagements, landing run {RunId} ({(Generated is { } g ? $"generated in {g.TotalSeconds:0.0} s" : "landed by an earlier invocation")})"));
        foreach (var manifest in _manifests)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"          {manifest.Source}/{manifest.Entity}: {manifest.Files.Count:N0} files, {manifest.Files.Sum(f => f.Bytes) / 1048576.0:0.0} MB, {manifest.RecordCount:N0} records"));
        }
    }

    private static IReadOnlyList<LandingManifest> Read(LandingArea landing, string runId) =>
        RawSource.All.Select(s => landing.ReadManifest(s.Source, s.Entity, runId)!).ToList();
}
