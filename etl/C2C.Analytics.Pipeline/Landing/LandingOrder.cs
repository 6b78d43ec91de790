namespace C2C.Analytics.Pipeline.Landing;

/// <summary>
/// The order in which landed files of one source entity were landed, oldest first: by when their landing run's extract
/// finished (its manifest's <c>extracted_at</c>; run ids of one second need not sort in time), then run id, then file
/// name (page order within a read). Where a record is in several files, the later file holds the newer copy.
/// </summary>
internal static class LandingOrder
{
    /// <param name="known">Runs whose extract time is known without reading their manifest (the run being built).</param>
    public static IReadOnlyList<T> OldestFirst<T>(LandingArea landing, string source, string entity, IEnumerable<T> files,
        Func<T, string> runId, Func<T, string> name, IReadOnlyDictionary<string, DateTimeOffset>? known = null)
    {
        var extractedAt = new Dictionary<string, DateTimeOffset>(known ?? new Dictionary<string, DateTimeOffset>());
        DateTimeOffset When(string run)
        {
            if (!extractedAt.TryGetValue(run, out var at))
            {
                at = landing.ReadManifest(source, entity, run)?.ExtractedAt ?? DateTimeOffset.MinValue;
                extractedAt[run] = at;
            }

            return at;
        }

        return files
            .OrderBy(f => When(runId(f)))
            .ThenBy(runId, StringComparer.Ordinal)
            .ThenBy(name, StringComparer.Ordinal)
            .ToList();
    }
}
