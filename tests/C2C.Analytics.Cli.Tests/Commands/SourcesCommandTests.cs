using C2C.Analytics.Cli.Tests.Support;

namespace C2C.Analytics.Cli.Tests.Commands;

/// <summary><c>c2c sources test</c>: what is wrong, one line each, and an exit code a monitor can tell apart.</summary>
public sealed class SourcesCommandTests
{
    [Fact]
    public void Without_Salesforce_configured_it_says_so_and_exits_with_the_configuration_code()
    {
        using var directory = new TempDirectory();

        var result = CliRunner.Run(["sources", "test"], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(5, result.ExitCode);
        Assert.Contains("error: Salesforce is not configured", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_incomplete_configuration_lists_every_problem_one_line_each()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """
            { "Salesforce": { "AuthFlow": "Password", "ClientId": "3MVG9example", "LoginUrl": "http://login.example.com" } }
            """);

        var result = CliRunner.Run(["sources", "test"], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(5, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length); // the login URL, the secret, the user, the password
        Assert.All(lines, l => Assert.StartsWith("error: Salesforce:", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("C2C__Salesforce__Password", StringComparison.Ordinal));
    }

    [Fact]
    public void A_login_host_that_does_not_answer_is_a_source_failure_naming_it()
    {
        using var directory = new TempDirectory();
        // Port 1 on this machine: nothing listens, the connection is refused at once.
        File.WriteAllText(directory.File("appsettings.json"), """
            { "Salesforce": { "AuthFlow": "ClientCredentials", "ClientId": "3MVG9example", "ClientSecret": "not-a-real-secret-1234",
                              "LoginUrl": "http://127.0.0.1:1", "MaxRetries": 0 } }
            """);

        var result = CliRunner.Run(["sources", "test"], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(4, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: Salesforce login (client_credentials) at http://127.0.0.1:1: the connection failed", line, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-secret-1234", result.Error + result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_asks_Salesforce_too_and_a_refused_connection_is_a_source_failure()
    {
        using var directory = new TempDirectory();
        File.WriteAllText(directory.File("appsettings.json"), """
            { "Salesforce": { "AuthFlow": "ClientCredentials", "ClientId": "3MVG9example", "ClientSecret": "not-a-real-secret-1234",
                              "LoginUrl": "http://127.0.0.1:1", "MaxRetries": 0 } }
            """);

        var result = CliRunner.Run(["validate"], new CliOptions(CurrentDirectory: directory.Path));

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("source:    live", result.Out, StringComparison.Ordinal);
        Assert.Contains("check:     salesforce: FAILED: Salesforce login (client_credentials) at http://127.0.0.1:1: the connection failed", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-secret-1234", result.Error + result.Out, StringComparison.Ordinal);
    }
}
