using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Tests.Sample;

/// <summary>The sample as a run's source: it lands the three entities for the run's as-of date under the run's id.</summary>
public class SampleSourceExtractorTests
{
    [Fact]
    public async Task It_lands_the_sample_for_the_run_and_returns_its_manifests()
    {
        var folder = Path.Combine(Path.GetTempPath(), "c2c-sample-extractor-" + Guid.NewGuid().ToString("N"));
        try
        {
            var extractor = new SampleSourceExtractor(new SampleSourceOptions { Engagements = 30, Seed = 5 }, new TrackerOptions());
            var landing = new LandingArea(folder);

            var manifests = await extractor.ExtractAsync(landing, "run-1", new RunRequest(folder, new DateOnly(2025, 7, 1)), CancellationToken.None);

            Assert.Equal("sample", extractor.Origin);
            Assert.Equal(
                ["salesforce/opportunities", "salesforce/opportunity_history", "smartsheet/tracker"],
                manifests.Select(m => $"{m.Source}/{m.Entity}").Order(StringComparer.Ordinal));
            Assert.All(manifests, m => Assert.Equal("run-1", m.RunId));
            Assert.All(manifests, m => Assert.NotNull(landing.ReadManifest(m.Source, m.Entity, "run-1")));
            Assert.Equal(30, extractor.LastResult!.Engagements);
            Assert.Equal(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero), manifests[0].Watermark.To);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
