using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// Several sources in one run, one after the other (Salesforce and the tracker): their manifests together are the run's.
/// Each source entity may come from one of them only. Progress lines of every source are passed on; a check asks every
/// source that can check itself.
/// </summary>
public sealed class CompositeSourceExtractor : ISourceExtractor, IReportsProgress, ISourceCheck
{
    private readonly IReadOnlyList<ISourceExtractor> _extractors;

    public CompositeSourceExtractor(params ISourceExtractor[] extractors)
    {
        ArgumentNullException.ThrowIfNull(extractors);
        if (extractors.Length == 0)
        {
            throw new ArgumentException("A composite source needs at least one source.", nameof(extractors));
        }

        _extractors = extractors;
        foreach (var reporting in extractors.OfType<IReportsProgress>())
        {
            reporting.Progress += message => Progress?.Invoke(message);
        }
    }

    public IReadOnlyList<ISourceExtractor> Extractors => _extractors;

    /// <summary>The sources' origins, each once: "live", or "live+file" for Salesforce with a tracker export.</summary>
    public string Origin => string.Join("+", _extractors.Select(e => e.Origin).Distinct());

    public event Action<string>? Progress;

    public async Task<IReadOnlyList<LandingManifest>> ExtractAsync(LandingArea landing, string runId, RunRequest request, CancellationToken cancellationToken)
    {
        var manifests = new List<LandingManifest>();
        foreach (var extractor in _extractors)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var manifest in await extractor.ExtractAsync(landing, runId, request, cancellationToken))
            {
                if (manifests.Any(m => m.Source == manifest.Source && m.Entity == manifest.Entity))
                {
                    throw new InvalidOperationException($"Two sources of this run landed {manifest.Source}/{manifest.Entity}.");
                }

                manifests.Add(manifest);
            }
        }

        return manifests;
    }

    /// <summary>The checks of the sources that have one, as one result: it succeeds when all of them do.</summary>
    public async Task<SourceCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var results = new List<SourceCheckResult>();
        foreach (var check in _extractors.OfType<ISourceCheck>())
        {
            results.Add(await check.CheckAsync(cancellationToken).ConfigureAwait(false));
        }

        return results.Count == 0
            ? new SourceCheckResult(Origin, true, "no source here checks itself")
            : new SourceCheckResult(string.Join("+", results.Select(r => r.Source)), results.All(r => r.Succeeded),
                string.Join("; ", results.Select(r => $"{r.Source}: {r.Detail}")));
    }
}
