using C2C.Analytics.Cli.Tests.Support;
using C2C.Analytics.Pipeline;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Cli.Tests.Commands;

/// <summary><c>c2c sample</c>: lands a new run of the sample sources and says what it wrote.</summary>
public sealed class SampleCommandTests
{
    private static readonly (string Source, string Entity)[] Entities =
        [("salesforce", "opportunities"), ("salesforce", "opportunity_history"), ("smartsheet", "tracker")];

    [Fact]
    public void It_lands_a_run_with_a_manifest_per_entity_and_prints_what_it_wrote()
    {
        using var directory = new TempDirectory();
        var data = directory.File("lake");

        var result = Run(directory, "sample", "--engagements", "60", "--seed", "7", "--as-of", "2025-07-01", "--data", data);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        var landing = new LandingArea(data);
        var runId = Assert.Single(landing.CompletedRuns("smartsheet", "tracker"));
        foreach (var (source, entity) in Entities)
        {
            var manifest = landing.ReadManifest(source, entity, runId);
            Assert.NotNull(manifest);
            Assert.Equal("sample", manifest.Origin);
            Assert.Contains($"{source}/{entity}", result.Out, StringComparison.Ordinal);
            Assert.Contains($"{manifest.RecordCount:N0} records", result.Out, StringComparison.Ordinal);
        }

        Assert.Contains($"Sample run {runId}: 60 engagements, seed 7, as of 2025-07-01", result.Out, StringComparison.Ordinal);
        Assert.Contains($"c2c run --landing {runId} --as-of 2025-07-01", result.Out, StringComparison.Ordinal);
        Assert.Contains("bad tracker rows", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_runs_with_the_same_seed_and_date_land_identical_pages_under_new_run_ids()
    {
        using var directory = new TempDirectory();
        var data = directory.File("data");

        Assert.Equal(0, Run(directory, "sample", "--engagements", "40", "--as-of", "2025-03-31", "--data", data).ExitCode);
        Assert.Equal(0, Run(directory, "sample", "--engagements", "40", "--as-of", "2025-03-31", "--data", data).ExitCode);

        var landing = new LandingArea(data);
        foreach (var (source, entity) in Entities)
        {
            var runs = landing.CompletedRuns(source, entity);
            Assert.Equal(2, runs.Count);
            Assert.Equal(landing.ReadManifest(source, entity, runs[0])!.Files, landing.ReadManifest(source, entity, runs[1])!.Files);
        }
    }

    [Fact]
    public void Without_data_it_writes_under_C2C_DATA_else_under_data_in_the_current_directory()
    {
        using var directory = new TempDirectory();

        var fromEnvironment = CliRunner.Run(["sample", "--engagements", "5", "--as-of", "2025-07-01"], new CliOptions(
            Environment: new Dictionary<string, string> { [DataDirectory.EnvironmentVariable] = directory.File("from-env") },
            CurrentDirectory: directory.Path));
        var byDefault = Run(directory, "sample", "--engagements", "5", "--as-of", "2025-07-01");

        Assert.Equal(0, fromEnvironment.ExitCode);
        Assert.Single(new LandingArea(directory.File("from-env")).CompletedRuns("salesforce", "opportunities"));
        Assert.Equal(0, byDefault.ExitCode);
        Assert.Single(new LandingArea(directory.File("data")).CompletedRuns("salesforce", "opportunities"));
    }

    [Fact]
    public void The_sheets_follow_the_tracker_configuration_in_the_current_directory()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """{ "Tracker": { "Columns": { "OpportunityId": "SFDC Opp Id" } } }""");

        var result = Run(directory, "sample", "--engagements", "10", "--as-of", "2025-07-01");

        Assert.Equal(0, result.ExitCode);
        var landing = new LandingArea(directory.File("data"));
        var runId = Assert.Single(landing.CompletedRuns("smartsheet", "tracker"));
        var page = File.ReadAllText(landing.FilePaths(landing.ReadManifest("smartsheet", "tracker", runId)!)[0]);
        Assert.Contains("\"title\":\"SFDC Opp Id\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("\"title\":\"Opportunity ID\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--engagements", "0")]
    [InlineData("--engagements", "many")]
    [InlineData("--as-of", "01/07/2025")]
    [InlineData("--seed", "x")]
    public void Bad_options_are_usage_errors_and_land_nothing(string option, string value)
    {
        using var directory = new TempDirectory();

        var result = Run(directory, "sample", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(directory.File("data")));
    }

    private static CliResult Run(TempDirectory directory, params string[] args) =>
        CliRunner.Run(args, new CliOptions(CurrentDirectory: directory.Path));
}
