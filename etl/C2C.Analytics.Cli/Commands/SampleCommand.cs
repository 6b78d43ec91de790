using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sample;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Cli.Commands;

/// <summary>
/// <c>c2c sample [--engagements N] [--seed S] [--as-of DATE] [--data DIR]</c>: lands a new run of the built-in sample
/// sources (Salesforce <c>/query</c> pages, Smartsheet sheet pages) under <c>&lt;data&gt;/landing/</c>, shaped by the
/// tracker configuration, and prints what it wrote.
/// </summary>
internal sealed class SampleCommand
{
    private const string DateFormat = "yyyy-MM-dd";

    private readonly CliEnvironment _environment;

    private readonly Option<int?> _engagements = new("--engagements")
    {
        Description = "Won opportunities, i.e. tracker engagements (1 to 10,000,000). Default: Pipeline:Sample:Engagements, 500.",
        HelpName = "N",
        CustomParser = ParseEngagements,
    };

    private readonly Option<int?> _seed = new("--seed")
    {
        Description = "The random seed: the same seed, as-of date and configuration give byte-identical files. Default: Pipeline:Sample:Seed, 42.",
        HelpName = "S",
    };

    private readonly Option<DateOnly?> _asOf = new("--as-of")
    {
        Description = "The extract date (yyyy-MM-dd): intakes fall in the three years before it. Default: today (UTC).",
        HelpName = "DATE",
        CustomParser = ParseDate,
    };

    private readonly Option<string?> _data = new("--data")
    {
        Description = $"The data folder. Default: ${DataDirectory.EnvironmentVariable}, else ./{DataDirectory.DefaultRelativePath}.",
        HelpName = "DIR",
    };

    public SampleCommand(CliEnvironment environment)
    {
        _environment = environment;
        Command = new Command("sample", "Land a new run of sample source data (Salesforce and Smartsheet pages) for c2c run.")
        {
            _engagements, _seed, _asOf, _data,
        };
        Command.SetAction((parseResult, cancellationToken) => Task.Run(() => Run(parseResult, cancellationToken), CancellationToken.None));
    }

    public Command Command { get; }

    private int Run(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var error = _environment.Error;
        var configuration = AppConfiguration.Load(_environment);
        var pipeline = AppConfiguration.Bind<PipelineOptions>(configuration, PipelineOptions.SectionName);
        var tracker = AppConfiguration.Bind<TrackerOptions>(configuration, TrackerOptions.SectionName);
        BusinessCalendar calendar;
        try
        {
            calendar = BusinessCalendar.FromOptions(CalendarOptions.FromConfiguration(configuration), _environment.CurrentDirectory);
        }
        catch (Exception e) when (e is CalendarConfigurationException or HolidayFileException)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }

        var dataDirectory = DataDirectory.Resolve(parseResult.GetValue(_data), _environment.GetEnvironmentVariable, _environment.CurrentDirectory);
        var options = new SampleOptions
        {
            Engagements = parseResult.GetValue(_engagements) ?? pipeline.Sample.Engagements,
            Seed = parseResult.GetValue(_seed) ?? pipeline.Sample.Seed,
            AsOf = parseResult.GetValue(_asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow),
            Tracker = tracker,
            Calendar = calendar,
        };

        var landing = new LandingArea(dataDirectory);
        var runId = LandingArea.NewRunId(DateTimeOffset.UtcNow);
        var watch = Stopwatch.StartNew();
        SampleResult result;
        try
        {
            result = new SampleGenerator(options).Generate(landing, runId, cancellationToken);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"error: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("Interrupted; the unfinished landing folder has no manifest and is never loaded.");
            return ExitCodes.Interrupted;
        }

        Print(result, options, landing, watch.Elapsed);
        return ExitCodes.Success;
    }

    private void Print(SampleResult result, SampleOptions options, LandingArea landing, TimeSpan elapsed)
    {
        var output = _environment.Out;
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(culture, $"Sample run {result.RunId}: {options.Engagements:N0} engagements, seed {options.Seed}, as of {options.AsOf.ToString(DateFormat, culture)}"));
        foreach (var manifest in result.Manifests)
        {
            var folder = landing.Folder(manifest.Source, manifest.Entity, manifest.RunId);
            output.WriteLine(string.Create(culture,
                $"  {manifest.Source + "/" + manifest.Entity,-32} {manifest.Files.Count,5:N0} file(s) {manifest.RecordCount,12:N0} records {manifest.Files.Sum(f => f.Bytes) / 1048576.0,10:N1} MB  {folder}"));
        }

        output.WriteLine(string.Create(culture,
            $"Tracker: {result.Sheets.Count} sheets ({string.Join(", ", result.Sheets.Select(s => $"{s.Name}: {s.Rows:N0} rows"))})."));
        output.WriteLine(string.Create(culture,
            $"Planted: {result.PlantedProblems.Count} bad tracker rows ({string.Join(", ", result.PlantedProblems.GroupBy(p => p.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"))}), " +
            $"{result.GateViolations.Count} gate violations."));
        output.WriteLine(string.Create(culture, $"Done in {elapsed.TotalSeconds:0.00} s. Load it with: c2c run --landing {result.RunId} --as-of {options.AsOf.ToString(DateFormat, culture)}"));
    }

    private static int? ParseEngagements(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 10_000_000)
        {
            return count;
        }

        result.AddError($"--engagements: '{text}' is not a number from 1 to 10,000,000.");
        return null;
    }

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens[0].Value;
        if (DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--as-of: '{text}' is not a date in the form {DateFormat} (e.g. 2026-11-27).");
        return null;
    }
}
