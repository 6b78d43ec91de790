using C2C.Analytics.Cli.Operations.Scheduling;

namespace C2C.Analytics.Cli.Tests.Operations.Scheduling;

/// <summary>The cron schedule read in a named time zone, across both daylight-saving changes, and the missed-run rule.</summary>
public sealed class NightlyScheduleTests
{
    private static DateTimeOffset Utc(int month, int day, int hour, int minute) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_time_the_spring_change_skips_fires_when_the_clocks_jump_and_the_days_around_it_keep_local_time()
    {
        // New York moves from EST (UTC-5) to EDT (UTC-4) at 02:00 on Sunday 8 March 2026; 02:30 does not exist that day.
        var schedule = new NightlySchedule(new ScheduleOptions { Cron = "0 30 2 * * ?", TimeZone = "America/New_York" });

        var fires = Fires(schedule, Utc(3, 7, 0, 0), 3);

        Assert.Equal(
            [
                Utc(3, 7, 7, 30), // 02:30 EST
                Utc(3, 8, 7, 0),  // 03:00 EDT, the moment the clocks jumped to
                Utc(3, 9, 6, 30), // 02:30 EDT
            ],
            fires);
        Assert.Equal([new DateOnly(2026, 3, 7), new DateOnly(2026, 3, 8), new DateOnly(2026, 3, 9)], fires.Select(schedule.AsOf));
    }

    [Fact]
    public void A_time_the_autumn_change_repeats_fires_once()
    {
        // New York moves back from EDT (UTC-4) to EST (UTC-5) at 02:00 on Sunday 1 November 2026: 01:00-02:00 happens twice.
        var schedule = new NightlySchedule(new ScheduleOptions { Cron = "0 30 1 * * ?", TimeZone = "America/New_York" });

        var fires = Fires(schedule, Utc(10, 31, 0, 0), 3);

        Assert.Equal(
            [
                Utc(10, 31, 5, 30), // 01:30 EDT
                Utc(11, 1, 5, 30),  // 01:30 EDT, the first of the two; not again at 06:30 UTC (01:30 EST)
                Utc(11, 2, 6, 30),  // 01:30 EST
            ],
            fires);
    }

    [Fact]
    public void A_run_is_missed_only_when_a_scheduled_time_passed_since_the_last_successful_run_started()
    {
        // Nightly 02:00 in London (GMT in January): the last run started 3 January 02:00:05.
        var schedule = new NightlySchedule(new ScheduleOptions { Cron = "0 0 2 * * ?", TimeZone = "Europe/London" });
        var lastRun = new DateTimeOffset(2026, 1, 3, 2, 0, 5, TimeSpan.Zero);

        Assert.False(schedule.Missed(lastRun, new DateTimeOffset(2026, 1, 4, 1, 59, 0, TimeSpan.Zero))); // the next is still ahead
        Assert.True(schedule.Missed(lastRun, new DateTimeOffset(2026, 1, 4, 2, 0, 0, TimeSpan.Zero)));   // 4 January 02:00 passed
        Assert.True(schedule.Missed(lastRun, new DateTimeOffset(2026, 1, 9, 12, 0, 0, TimeSpan.Zero)));  // several passed: still one "missed"
        Assert.False(schedule.Missed(null, new DateTimeOffset(2026, 1, 9, 12, 0, 0, TimeSpan.Zero)));    // nothing ever ran
    }

    private static List<DateTimeOffset> Fires(NightlySchedule schedule, DateTimeOffset from, int count)
    {
        var fires = new List<DateTimeOffset>();
        var cursor = from;
        while (fires.Count < count)
        {
            cursor = schedule.NextAfter(cursor) ?? throw new InvalidOperationException("the schedule ended");
            fires.Add(cursor.ToUniversalTime());
        }

        return fires;
    }
}
