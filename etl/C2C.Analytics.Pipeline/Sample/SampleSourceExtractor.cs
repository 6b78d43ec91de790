using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>The sample as a run's source (<c>c2c run</c> with no live source configured): lands the sample for the run's as-of date.</summary>
public sealed class SampleSourceExtractor(SampleSourceOptions sample, TrackerOptions tracker, BusinessCalendar? calendar = null) : ISourceExtractor
{
    public string Origin => SampleGenerator.Origin;

    /// <summary>What the last extract planted (for tests that follow the rejects downstream).</summary>
    public SampleResult? LastResult { get; private set; }

    public Task<IReadOnlyList<LandingManifest>> ExtractAsync(LandingArea landing, string runId, RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var generator = new SampleGenerator(new SampleOptions
        {
            Engagements = sample.Engagements,
            Seed = sample.Seed,
            AsOf = request.AsOf,
            Tracker = tracker,
            Calendar = calendar,
        });
        LastResult = generator.Generate(landing, runId, cancellationToken);
        return Task.FromResult(LastResult.Manifests);
    }
}
