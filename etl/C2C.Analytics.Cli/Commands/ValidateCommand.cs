using System.CommandLine;
using C2C.Analytics.Cli.Operations;
using C2C.Analytics.Cli.Operations.Scheduling;
using C2C.Analytics.Pipeline.Run;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c validate</c>: checks the whole configuration the way a run and the scheduler will (every problem at once,
/// exit 5), says what a run would use, and asks each configured source that can check itself whether it can be
/// reached (exit 4 when one cannot). Changes nothing.
/// </summary>
internal sealed class ValidateCommand
{
    private readonly CliEnvironment _environment;

    private readonly Option<string?> _data = new("--data")
    {
        Description = "The data folder a run would use. Default: $C2C_DATA, else ./data.",
        HelpName = "DIR",
    };

    public ValidateCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("validate", "Check the configuration (appsettings.json, C2C__ environment variables, user secrets) and the configured sources, without running anything.")
        {
            _data,
        };
        Command.SetAction((parseResult, cancellationToken) => Task.Run(() => RunAsync(parseResult, cancellationToken), CancellationToken.None));
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = _environment.Out;
        var error = _environment.Error;
        PipelineSettings settings;
        try
        {
            settings = PipelineSettings.Load(_environment);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            error.WriteLine($"error: {e.Message}{(e.InnerException is { } inner ? " " + inner.Message : string.Empty)}");
            return ExitCodes.ConfigurationError;
        }

        var problems = settings.Problems(schedule: true);
        if (problems.Count > 0)
        {
            error.WriteLine($"error: the configuration has {problems.Count} problem(s):");
            foreach (var problem in problems)
            {
                error.WriteLine($"  - {problem.ReplaceLineEndings(Environment.NewLine + "    ")}");
            }

            return ExitCodes.ConfigurationError;
        }

        var data = PipelineSettings.DataDirectory(_environment, parseResult.GetValue(_data));
        var schedule = new NightlySchedule(settings.Schedule);
        var next = schedule.NextAfter(DateTimeOffset.UtcNow);
        output.WriteLine("Configuration: ok.");
        output.WriteLine($"  data:      {data}");
        output.WriteLine($"  warehouse: {settings.WarehousePath(data)}");
        output.WriteLine($"  schedule:  '{settings.Schedule.Cron}' in {schedule.TimeZone.Id}; next run {(next is { } at ? schedule.Describe(at) : "never")}");

        var source = SourceExtractors.Create(settings.Pipeline, settings.Tracker, settings.Calendar, settings.Smartsheet, settings.Salesforce);
        output.WriteLine($"  source:    {source.Origin}");
        if (source is not ISourceCheck check)
        {
            return ExitCodes.Success;
        }

        var result = await check.CheckAsync(cancellationToken).ConfigureAwait(false);
        output.WriteLine($"  check:     {result.Source}: {(result.Succeeded ? "ok" : "FAILED")}: {result.Detail}");
        return result.Succeeded ? ExitCodes.Success : ExitCodes.SourceFailure;
    }
}
