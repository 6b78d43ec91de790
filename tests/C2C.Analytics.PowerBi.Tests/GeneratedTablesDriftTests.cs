using C2C.Analytics.Pipeline.PowerBi;
using C2C.Analytics.PowerBi.Tests.Support;
using C2C.Analytics.Warehouse.Models;

namespace C2C.Analytics.PowerBi.Tests;

/// <summary>
/// The committed table files are what <c>c2c powerbi</c> writes for the warehouse the models build today: the sample's
/// catalog is generated again into a temporary folder and must match the repository's files byte for byte, with no file
/// missing and none left over. A model change without <c>c2c powerbi</c> fails here, saying so.
/// </summary>
[Collection(SampleWarehouseCollection.Name)]
public sealed class GeneratedTablesDriftTests(SampleWarehouse sample) : IDisposable
{
    private const string Fix = "the Power BI tables are out of date with the warehouse: from the repository root run " +
        "`dotnet run --project etl/C2C.Analytics.Cli -- run` and then `dotnet run --project etl/C2C.Analytics.Cli -- powerbi`, and commit powerbi/";

    private readonly string _output = Path.Combine(Path.GetTempPath(), "c2c-powerbi-drift-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public void The_committed_table_files_are_exactly_what_c2c_powerbi_writes()
    {
        var request = new PowerBiRequest(_output, MetricsDocument.Load(Repository.Metrics), ModelCatalog.Load(Repository.Models));

        var result = PowerBiGenerator.Generate(sample.WarehousePath, request);

        var committedDirectory = PowerBiGenerator.TablesDirectory(Repository.PowerBi);
        var committed = Directory.GetFiles(committedDirectory, "*.tmdl")
            .Where(f => File.ReadAllText(f).Contains("annotation " + TmdlTableWriter.GeneratedAnnotation, StringComparison.Ordinal))
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();
        var generated = result.Written.Order(StringComparer.Ordinal).ToList();
        Assert.True(committed.SequenceEqual(generated),
            $"{Fix}.\nCommitted: {string.Join(", ", committed)}\nGenerated: {string.Join(", ", generated)}");
        foreach (var table in generated)
        {
            var expected = File.ReadAllText(Path.Combine(result.TablesDirectory, table + ".tmdl"));
            var actual = File.ReadAllText(Path.Combine(committedDirectory, table + ".tmdl"));
            Assert.True(expected == actual, $"{Fix}.\n{table}.tmdl differs first at line {FirstDifference(expected, actual)}.");
        }
    }

    private static int FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
            {
                return i + 1;
            }
        }

        return Math.Min(a.Length, b.Length) + 1;
    }
}
