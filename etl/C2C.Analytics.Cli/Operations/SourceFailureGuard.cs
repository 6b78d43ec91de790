using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;

namespace C2C.Analytics.Cli.Operations;

/// <summary>
/// Wraps a run's source so that whatever goes wrong while extracting is told apart from a failure of the warehouse:
/// the run then exits with <see cref="ExitCodes.SourceFailure"/> (the source is down, the token expired) rather than
/// <see cref="ExitCodes.Failure"/>. Works for any source, present or future; cancellation passes through untouched.
/// </summary>
internal sealed class SourceFailureGuard(ISourceExtractor inner) : ISourceExtractor, IReportsProgress
{
    public ISourceExtractor Inner { get; } = inner;

    public string Origin => Inner.Origin;

    public event Action<string>? Progress
    {
        add
        {
            if (Inner is IReportsProgress reporting)
            {
                reporting.Progress += value;
            }
        }

        remove
        {
            if (Inner is IReportsProgress reporting)
            {
                reporting.Progress -= value;
            }
        }
    }

    public async Task<IReadOnlyList<LandingManifest>> ExtractAsync(LandingArea landing, string runId, RunRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await Inner.ExtractAsync(landing, runId, request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new SourceFailureException(Inner.Origin, e);
        }
    }
}

/// <summary>The run's source failed while extracting; the message is the source's own.</summary>
internal sealed class SourceFailureException(string origin, Exception inner)
    : Exception($"the {origin} source failed: {inner.Message}", inner)
{
    public string Origin { get; } = origin;
}
