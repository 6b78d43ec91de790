using System.CommandLine;
using C2C.Analytics.Pipeline.Sources.Salesforce;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c sources test</c>: checks the configured live sources without running anything: Salesforce signs in, and every
/// configured field exists in the org. Each problem is one line on standard error; what was checked goes to standard
/// output. Exit 0 when all is well, 5 for an incomplete configuration, 4 when Salesforce refuses the sign-in or a field.
/// </summary>
internal sealed class SourcesCommand
{
    private readonly CliEnvironment _environment;

    public SourcesCommand(CliEnvironment environment)
    {
        _environment = environment;
        var test = new Command("test", "Check that Salesforce signs in and that every configured field exists; one line per problem.");
        test.SetAction((_, cancellationToken) => TestAsync(cancellationToken));
        Command = new Command("sources", "Check the configured live sources.") { test };
    }

    public Command Command { get; }

    private async Task<int> TestAsync(CancellationToken cancellationToken)
    {
        var configuration = AppConfiguration.Load(_environment);
        var salesforce = AppConfiguration.Bind<SalesforceOptions>(configuration, SalesforceOptions.SectionName);
        if (!salesforce.IsConfigured)
        {
            _environment.Error.WriteLine("error: Salesforce is not configured: set Salesforce:ClientId and the secrets of its AuthFlow (C2C__Salesforce__…).");
            return ExitCodes.ConfigurationError;
        }

        var check = await SalesforceSourceCheck.RunAsync(salesforce, cancellationToken: cancellationToken);
        foreach (var note in check.Notes)
        {
            _environment.Out.WriteLine(note);
        }

        foreach (var problem in check.Problems)
        {
            _environment.Error.WriteLine("error: " + problem);
        }

        return check.Problems.Count == 0 ? ExitCodes.Success
            : check.IsConfigurationProblem ? ExitCodes.ConfigurationError
            : ExitCodes.SourceFailure;
    }
}
