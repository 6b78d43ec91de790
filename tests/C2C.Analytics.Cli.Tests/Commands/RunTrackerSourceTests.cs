using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Commands;

/// <summary><c>c2c run</c> with a live tracker source: an export file given on the command line, Smartsheet configured without a token.</summary>
public sealed class RunTrackerSourceTests
{
    /// <summary>A one-stage lifecycle, so that an export needs only the key, owner and intake columns.</summary>
    private const string OneStage = """
        { "Pipeline": { "Threads": 2 },
          "Tracker": { "Stages": [ { "Key": "intake", "Name": "Intake", "OwnerRole": "Sales", "SlaBusinessDays": 2, "Prerequisites": [], "DateColumn": "Intake Date" } ],
                       "Export": { "DateFormats": [ "MM/dd/yyyy" ] } } }
        """;

    [Fact]
    public void Run_with_a_tracker_file_loads_the_export_instead_of_the_sample()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), OneStage);
        // Two rows; the second's intake date is in the configured US format (March 4).
        File.WriteAllText(directory.File("tracker.csv"), """
            Opportunity ID,Engagement,Account,Region,Contract Value,Currency,Intake Date,Payment Terms,Sales Owner,Delivery Owner,Finance Owner,Intake Status,Intake Evidence,Intake Notes
            006000000000001,Rollout,Acme,EMEA,"$1,200.00",USD,2025-03-03,Net 30,ana@example.com,,,Complete,,
            006000000000002,Audit,Globex,APAC,800,USD,03/04/2025,Net 45,ana@example.com,,,In Progress,,
            """);
        var data = directory.File("data");

        var result = CliRunner.Run(["run", "--tracker-file", "tracker.csv", "--as-of", "2025-07-01", "--data", data], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("source: file", result.Out, StringComparison.Ordinal);
        Assert.Contains("Tracker export tracker.csv: 2 row(s)", result.Error, StringComparison.Ordinal);
        var landed = Directory.GetFiles(Path.Combine(data, "landing", "smartsheet", "tracker"), "tracker.csv", SearchOption.AllDirectories);
        Assert.Equal(File.ReadAllBytes(directory.File("tracker.csv")), File.ReadAllBytes(Assert.Single(landed)));
        Assert.False(Directory.Exists(Path.Combine(data, "landing", "salesforce")));
    }

    [Fact]
    public void Smartsheet_configured_without_a_token_fails_before_anything_is_written_and_says_where_the_token_goes()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """{ "Smartsheet": { "SheetIds": [ 4583173393803140 ] } }""");
        var data = directory.File("data");

        var result = CliRunner.Run(["run", "--data", data], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(ExitCodes.ConfigurationError, result.ExitCode);
        Assert.Contains("Smartsheet:AccessToken is not set", result.Error, StringComparison.Ordinal);
        Assert.Contains("C2C__Smartsheet__AccessToken", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was run", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(data));
    }
}
