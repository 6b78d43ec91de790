using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Report;

namespace C2C.Analytics.Pipeline.Tests.Report;

public sealed class ReportGeneratorTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "c2c-report-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void A_warehouse_that_does_not_exist_yet_gives_a_no_data_dashboard()
    {
        var result = ReportGenerator.Generate(Path.Combine(_directory, "none.duckdb"), new ReportRequest(_directory, Owners: true));

        Assert.False(result.HasData);
        Assert.Contains("No data", File.ReadAllText(result.DashboardPath), StringComparison.Ordinal);
        Assert.Empty(result.OwnerLists);
        Assert.True(File.Exists(Path.Combine(_directory, "owners", "index.html")));
    }

    [Fact]
    public void A_warehouse_without_marts_cannot_be_reported_for_a_given_date()
    {
        Directory.CreateDirectory(_directory);
        var warehouse = Path.Combine(_directory, "warehouse.duckdb");
        using (var connection = new DuckDbConnection($"Data Source={warehouse}"))
        {
            connection.Open();
        }

        var error = Assert.Throws<ReportException>(() => ReportGenerator.Generate(warehouse, new ReportRequest(_directory, new DateOnly(2025, 6, 30))));

        Assert.Contains("c2c run --as-of 2025-06-30", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, ReportGenerator.DashboardFileName)));
    }
}
