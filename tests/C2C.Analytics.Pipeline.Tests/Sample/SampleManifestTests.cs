using System.Security.Cryptography;
using System.Text.Json;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tests.Sample.Support;

namespace C2C.Analytics.Pipeline.Tests.Sample;

/// <summary>The sample lands through the landing contract: one manifest per entity whose counts, sizes and hashes match the files.</summary>
public class SampleManifestTests(SharedSample shared) : IClassFixture<SharedSample>
{
    private readonly SampleFolder _sample = shared.Sample;

    [Theory]
    [InlineData("salesforce", "opportunities", "records")]
    [InlineData("salesforce", "opportunity_history", "records")]
    [InlineData("smartsheet", "tracker", "rows")]
    public void Each_manifest_lists_every_file_with_its_size_hash_and_record_count(string source, string entity, string recordsProperty)
    {
        var manifest = _sample.Landing.ReadManifest(source, entity, SampleFolder.RunId);

        Assert.NotNull(manifest);
        Assert.Equal(SampleGenerator.Origin, manifest.Origin);
        Assert.Equal(SampleFolder.RunId, manifest.RunId);
        Assert.True(manifest.Files.Count > 1, "the shared sample is big enough to need several pages");
        var folder = _sample.Landing.Folder(source, entity, SampleFolder.RunId);
        Assert.Equal(
            manifest.Files.Select(f => f.Name).Order(StringComparer.Ordinal),
            Directory.GetFiles(folder).Select(Path.GetFileName).Where(n => n != LandingManifest.FileName).Order(StringComparer.Ordinal));
        foreach (var file in manifest.Files)
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, file.Name));
            Assert.Equal(file.Bytes, bytes.LongLength);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
            using var page = JsonDocument.Parse(bytes);
            Assert.Equal(file.Records, page.RootElement.GetProperty(recordsProperty).GetArrayLength());
        }
    }

    [Fact]
    public void The_result_counts_agree_with_the_manifests()
    {
        var result = _sample.Result;

        Assert.Equal(result.Opportunities, _sample.Manifest("salesforce", "opportunities").RecordCount);
        Assert.Equal(result.HistoryRecords, _sample.Manifest("salesforce", "opportunity_history").RecordCount);
        Assert.Equal(result.TrackerRows, _sample.Manifest("smartsheet", "tracker").RecordCount);
        Assert.Equal(1200, result.Engagements);
        // Every engagement is one row, plus one more per planted duplicate.
        Assert.Equal(result.Engagements + (result.PlantedProblems.Count(p => p.Reason == "duplicate_id") / 2), result.TrackerRows);
    }
}
