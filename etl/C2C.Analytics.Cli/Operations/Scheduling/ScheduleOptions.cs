using Quartz;

namespace C2C.Analytics.Cli.Operations.Scheduling;

/// <summary>Configuration section <c>Schedule</c>: when <c>c2c schedule</c> runs the pipeline, and what it does when a run fails.</summary>
internal sealed class ScheduleOptions
{
    public const string SectionName = "Schedule";

    /// <summary>A Quartz cron expression (seconds first): default every night at 02:00.</summary>
    public string Cron { get; set; } = "0 0 2 * * ?";

    /// <summary>The time zone the cron expression is read in (an IANA or Windows id); default the machine's.</summary>
    public string? TimeZone { get; set; }

    /// <summary>How many times a failed run is tried again before the night is given up.</summary>
    public int Retries { get; set; } = 2;

    /// <summary>The wait before the first retry; it doubles for each further retry.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run once at start-up when the last scheduled time passed with no run (the host was down).</summary>
    public bool RunMissedOnStart { get; set; } = true;

    /// <summary>How long a stop (Ctrl+C, SIGTERM, a service stop) waits for the running step to finish or roll back.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone.Trim());

    /// <summary>Every problem at once.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        try
        {
            CronExpression.Parse(Cron ?? "");
        }
        catch (FormatException e)
        {
            problems.Add($"Schedule:Cron '{Cron}' is not a cron expression ({e.Message}). Example: \"0 0 2 * * ?\" is every day at 02:00 (seconds, minutes, hours, day of month, month, day of week).");
        }

        try
        {
            ResolveTimeZone();
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            problems.Add($"Schedule:TimeZone '{TimeZone}' is not a time zone this machine knows (examples: America/New_York, Europe/London, UTC).");
        }

        if (Retries is < 0 or > 20)
        {
            problems.Add($"Schedule:Retries is {Retries}; it must be between 0 and 20.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            problems.Add($"Schedule:RetryDelay is {RetryDelay}; it must not be negative.");
        }

        if (ShutdownTimeout <= TimeSpan.Zero)
        {
            problems.Add($"Schedule:ShutdownTimeout is {ShutdownTimeout}; it must be longer than zero.");
        }

        return problems;
    }
}
