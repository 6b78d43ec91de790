using Quartz;

namespace C2C.Analytics.Cli.Operations.Scheduling;

/// <summary>
/// The schedule of <c>c2c schedule</c>: a cron expression read in a named time zone (so "02:00" stays 02:00 local
/// across daylight-saving changes; a time the spring change skips fires at the moment the clocks jump to, and a time
/// the autumn change repeats fires once), and the misfire policy, stated rather than left to a default:
/// <list type="bullet">
/// <item>a fire that comes due while a run is still going waits for it (one run at a time) and then fires once, not
/// once per missed time (<see cref="CronTriggerMisfireInstruction.FireAndProceed"/>);</item>
/// <item>a fire missed while the host was down fires once at start-up (<see cref="Missed"/>), judged from the
/// warehouse's own history rather than from a scheduler database.</item>
/// </list>
/// </summary>
internal sealed class NightlySchedule
{
    public NightlySchedule(ScheduleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        TimeZone = options.ResolveTimeZone();
        Expression = new CronExpression(options.Cron, TimeZone);
    }

    public TimeZoneInfo TimeZone { get; }

    public CronExpression Expression { get; }

    /// <summary>The Quartz trigger schedule: this cron, in this time zone, with the misfire policy above.</summary>
    public IScheduleBuilder Builder() => CronScheduleBuilder.Create(Expression)
        .InTimeZone(TimeZone)
        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    public DateTimeOffset? NextAfter(DateTimeOffset instant) => Expression.GetNextValidTimeAfter(instant);

    /// <summary>
    /// True when a scheduled time has passed since the last successful run started: the host was down (or every try
    /// failed) then, so the data is older than the schedule promises. False when nothing has ever run: the first run
    /// waits for the schedule.
    /// </summary>
    public bool Missed(DateTimeOffset? lastSuccessfulStart, DateTimeOffset now) =>
        lastSuccessfulStart is { } last && NextAfter(last) is { } next && next <= now;

    /// <summary>The as-of date of a run fired at <paramref name="fireTime"/>: its date in the schedule's time zone.</summary>
    public DateOnly AsOf(DateTimeOffset fireTime) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fireTime, TimeZone).DateTime);

    /// <summary>"2026-03-08 03:00 -04:00 (07:00 UTC)": a fire time as the operator reads it.</summary>
    public string Describe(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZone);
        return local.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)
            + instant.UtcDateTime.ToString(" '('HH:mm 'UTC)'", System.Globalization.CultureInfo.InvariantCulture);
    }
}
