namespace C2C.Analytics.Cli.Operations;

/// <summary>
/// What one launch of the pipeline asks for, from <c>c2c run</c>'s options or from the scheduler: the as-of date
/// (default today, UTC), the data folder, a full refresh, a landing run to rebuild from, a tracker export file.
/// <paramref name="Command"/> names the launcher in the lock note (<c>c2c run</c>, <c>c2c schedule</c>).
/// </summary>
internal sealed record RunLaunch(
    DateOnly? AsOf = null,
    string? Data = null,
    bool FullRefresh = false,
    string? LandingRunId = null,
    string? TrackerFile = null,
    string Command = "c2c run")
{
    /// <summary>The serving target to publish to after a committed run (<c>--target</c>); null: <c>Publish:Target</c>.</summary>
    public string? Target { get; init; }
}
