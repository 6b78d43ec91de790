using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Sample;

namespace C2C.Analytics.Pipeline.Tests.Sample.Support;

/// <summary>A sample landed into a fresh temp data folder (deleted on dispose).</summary>
public sealed class SampleFolder : IDisposable
{
    public const string RunId = "20250701T020000Z-sample";

    public static readonly DateOnly AsOf = new(2025, 7, 1);

    public SampleFolder(int engagements = 600, int seed = 42, int salesforcePageSize = 2000, int sheetPageSize = 5000, DateOnly? asOf = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "c2c-sample-tests-" + Guid.NewGuid().ToString("N"));
        Landing = new LandingArea(DataDirectory);
        Result = new SampleGenerator(new SampleOptions
        {
            Engagements = engagements,
            Seed = seed,
            AsOf = asOf ?? AsOf,
            SalesforcePageSize = salesforcePageSize,
            SheetPageSize = sheetPageSize,
        }).Generate(Landing, RunId);
    }

    public string DataDirectory { get; }

    public LandingArea Landing { get; }

    public SampleResult Result { get; }

    public LandingManifest Manifest(string source, string entity) =>
        Result.Manifests.Single(m => m.Source == source && m.Entity == entity);

    public IReadOnlyList<string> Files(string source, string entity) => Landing.FilePaths(Manifest(source, entity));

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}

/// <summary>One sample shared by the tests of a class (xunit class fixture).</summary>
public sealed class SharedSample : IDisposable
{
    public SampleFolder Sample { get; } = new(engagements: 1200, salesforcePageSize: 500, sheetPageSize: 150);

    public void Dispose() => Sample.Dispose();
}
