using C2C.Analytics.Pipeline.Tests.Sample.Support;

namespace C2C.Analytics.Pipeline.Tests.Sample;

/// <summary>Same seed and as-of date ⇒ the same bytes; another seed or date ⇒ other data.</summary>
public class SampleDeterminismTests
{
    [Fact]
    public void The_same_seed_and_as_of_date_land_byte_identical_pages()
    {
        using var first = new SampleFolder(engagements: 700, seed: 11, salesforcePageSize: 300, sheetPageSize: 100);
        using var second = new SampleFolder(engagements: 700, seed: 11, salesforcePageSize: 300, sheetPageSize: 100);

        foreach (var manifest in first.Result.Manifests)
        {
            var other = second.Manifest(manifest.Source, manifest.Entity);
            Assert.Equal(manifest.Files, other.Files); // names, sizes, SHA-256 and record counts
            var files = first.Landing.FilePaths(manifest).Zip(second.Landing.FilePaths(other));
            Assert.All(files, pair => Assert.Equal(File.ReadAllBytes(pair.First), File.ReadAllBytes(pair.Second)));
        }

        Assert.Equal(first.Result.PlantedProblems, second.Result.PlantedProblems);
        Assert.Equal(first.Result.GateViolations, second.Result.GateViolations);
        Assert.Equal(first.Result.MarkupNote, second.Result.MarkupNote);
    }

    [Fact]
    public void Another_seed_lands_other_data_in_every_entity()
    {
        using var first = new SampleFolder(engagements: 300, seed: 1);
        using var second = new SampleFolder(engagements: 300, seed: 2);

        foreach (var manifest in first.Result.Manifests)
        {
            var hashes = manifest.Files.Select(f => f.Sha256).ToHashSet();
            Assert.DoesNotContain(second.Manifest(manifest.Source, manifest.Entity).Files, f => hashes.Contains(f.Sha256));
        }
    }

    [Fact]
    public void Another_as_of_date_moves_the_data()
    {
        using var first = new SampleFolder(engagements: 300, asOf: new DateOnly(2025, 7, 1));
        using var second = new SampleFolder(engagements: 300, asOf: new DateOnly(2025, 7, 2));

        Assert.NotEqual(
            first.Manifest("smartsheet", "tracker").Files.Select(f => f.Sha256),
            second.Manifest("smartsheet", "tracker").Files.Select(f => f.Sha256));
    }
}
