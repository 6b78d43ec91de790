using C2C.Analytics.Calendar;
using C2C.Analytics.Cli.Operations.Scheduling;
using C2C.Analytics.Pipeline;
using C2C.Analytics.Pipeline.Report;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Pipeline.Sources.Smartsheet;
using C2C.Analytics.Pipeline.Tracker;
using Microsoft.Extensions.Configuration;

namespace C2C.Analytics.Cli.Operations;

/// <summary>
/// Every setting a run reads, bound once from the configuration (<see cref="AppConfiguration"/>), with relative paths
/// made absolute against the directory <c>c2c</c> was started in, and checked as a whole: <see cref="Problems"/> lists
/// every problem of every section, so an operator fixes them in one go. <c>c2c run</c>, <c>c2c schedule</c> and
/// <c>c2c validate</c> all read the configuration here.
/// </summary>
internal sealed class PipelineSettings
{
    private readonly List<string> _bindingProblems = [];

    private PipelineSettings(IConfiguration configuration)
    {
        Configuration = configuration;
    }

    public IConfiguration Configuration { get; }

    public PipelineOptions Pipeline { get; private init; } = new();

    public TrackerOptions Tracker { get; private init; } = new();

    public CalendarOptions Calendar { get; private set; } = new();

    public SmartsheetOptions Smartsheet { get; private init; } = new();

    public SalesforceOptions Salesforce { get; private init; } = new();

    public ReportOptions Report { get; private init; } = new();

    public ScheduleOptions Schedule { get; } = new();

    /// <param name="trackerFile">The <c>--tracker-file</c> option, which overrides <c>Tracker:Export:Path</c>.</param>
    public static PipelineSettings Load(CliEnvironment environment, string? trackerFile = null)
    {
        var configuration = AppConfiguration.Load(environment);
        var settings = new PipelineSettings(configuration)
        {
            Pipeline = AppConfiguration.Bind<PipelineOptions>(configuration, PipelineOptions.SectionName),
            Tracker = AppConfiguration.Bind<TrackerOptions>(configuration, TrackerOptions.SectionName),
            Smartsheet = AppConfiguration.Bind<SmartsheetOptions>(configuration, SmartsheetOptions.SectionName),
            Salesforce = AppConfiguration.Bind<SalesforceOptions>(configuration, SalesforceOptions.SectionName),
            // The same Report settings c2c report reads (a relative rates file made absolute there).
            Report = Commands.ReportCommand.Options(environment),
        };
        settings.BindCalendar(configuration, environment);
        settings.BindSchedule(configuration);

        if ((trackerFile ?? settings.Tracker.Export.Path) is { Length: > 0 } export)
        {
            settings.Tracker.Export.Path = Path.GetFullPath(export, environment.CurrentDirectory);
        }

        var pipeline = settings.Pipeline;
        if (pipeline.Warehouse is { Length: > 0 } configured)
        {
            pipeline.Warehouse = Path.GetFullPath(configured, environment.CurrentDirectory);
        }
        else if (environment.GetEnvironmentVariable(WarehouseLocation.EnvironmentVariable) is { Length: > 0 } warehouse)
        {
            // The same variable c2c sql reads, so both commands always name the same file.
            pipeline.Warehouse = Path.GetFullPath(warehouse, environment.CurrentDirectory);
        }

        if (pipeline.ExportDirectory is { Length: > 0 } exportDirectory)
        {
            pipeline.ExportDirectory = Path.GetFullPath(exportDirectory, environment.CurrentDirectory);
        }

        return settings;
    }

    /// <summary>The data folder: the option, else <c>C2C_DATA</c>, else <c>./data</c>.</summary>
    public static string DataDirectory(CliEnvironment environment, string? option) =>
        C2C.Analytics.Pipeline.DataDirectory.Resolve(option, environment.GetEnvironmentVariable, environment.CurrentDirectory);

    /// <summary>The warehouse file a run in <paramref name="dataDirectory"/> builds (what <c>PipelineRunner.WarehousePath</c> says).</summary>
    public string WarehousePath(string dataDirectory) => Pipeline.Warehouse ?? Path.Combine(dataDirectory, WarehouseLocation.FileName);

    /// <summary>
    /// Every problem of the configuration, section by section: the tracker's stages and columns, the calendar (and its
    /// holiday file), the report settings and rates file, a configured Smartsheet or Salesforce source, and with
    /// <paramref name="schedule"/> the cron expression and time zone. Empty when all is well.
    /// </summary>
    public IReadOnlyList<string> Problems(bool schedule = false)
    {
        var problems = new List<string>(_bindingProblems);
        IReadOnlyList<ResolvedStage>? stages = null;
        try
        {
            stages = TrackerOptionsValidator.Validate(Tracker);
        }
        catch (TrackerConfigurationException e)
        {
            problems.AddRange(e.Problems.Select(p => "Tracker: " + p));
        }

        if (_bindingProblems.Count == 0)
        {
            try
            {
                BusinessCalendar.FromOptions(Calendar);
            }
            catch (CalendarConfigurationException e)
            {
                problems.Add(e.Message);
            }
        }

        if (stages is not null)
        {
            problems.AddRange(ReportOptionsValidator.Problems(Report, stages));
        }

        if (Report.RatesFile is { Length: > 0 } rates)
        {
            try
            {
                FxRateFile.Read(rates, Report.ReportingCurrency);
            }
            catch (FxRateFileException e)
            {
                problems.Add(e.Message);
            }
        }

        if (!Tracker.Export.IsConfigured && Smartsheet.IsConfigured)
        {
            problems.AddRange(Smartsheet.Problems());
        }

        if (Salesforce.IsConfigured)
        {
            problems.AddRange(Salesforce.Problems());
        }

        if (Tracker.Export.IsConfigured && !File.Exists(Tracker.Export.Path))
        {
            problems.Add($"Tracker:Export:Path '{Tracker.Export.Path}' does not exist.");
        }

        if (Pipeline.Threads is < 1)
        {
            problems.Add($"Pipeline:Threads is {Pipeline.Threads}; it must be at least 1 (or unset for all cores).");
        }

        if (schedule)
        {
            problems.AddRange(Schedule.Problems());
        }

        return problems;
    }

    /// <exception cref="ConfigurationProblemsException">The configuration has problems.</exception>
    public void ThrowIfInvalid(bool schedule = false)
    {
        var problems = Problems(schedule);
        if (problems.Count > 0)
        {
            throw new ConfigurationProblemsException(problems);
        }
    }

    private void BindCalendar(IConfiguration configuration, CliEnvironment environment)
    {
        try
        {
            Calendar = CalendarOptions.FromConfiguration(configuration);
        }
        catch (CalendarConfigurationException e)
        {
            _bindingProblems.Add(e.Message);
            return;
        }

        if (Calendar.HolidayFile is { } holidayFile)
        {
            // A relative holiday file is relative to where c2c was started, like every other path it is given.
            Calendar.HolidayFile = Path.GetFullPath(holidayFile, environment.CurrentDirectory);
        }
    }

    private void BindSchedule(IConfiguration configuration)
    {
        try
        {
            configuration.GetSection(ScheduleOptions.SectionName).Bind(Schedule);
        }
        catch (InvalidOperationException e)
        {
            // A value that does not convert (a malformed TimeSpan): the binder's inner message names key and value.
            _bindingProblems.Add($"The configuration section '{ScheduleOptions.SectionName}' is invalid: {(e.InnerException ?? e).Message}");
        }
    }
}

/// <summary>The configuration has problems; every one is listed. Nothing was run.</summary>
internal sealed class ConfigurationProblemsException(IReadOnlyList<string> problems)
    : Exception("The configuration is invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
