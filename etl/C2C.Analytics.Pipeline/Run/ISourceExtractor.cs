using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// One source of a run (the sample generator, Salesforce, Smartsheet, a tracker export): it lands what the source
/// sent under the run id and returns the manifests it completed.
/// </summary>
public interface ISourceExtractor
{
    /// <summary>"sample", "live" or "file": recorded in etl_run.</summary>
    string Origin { get; }

    Task<IReadOnlyList<LandingManifest>> ExtractAsync(LandingArea landing, string runId, RunRequest request, CancellationToken cancellationToken);
}
