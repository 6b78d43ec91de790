using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>Records of one source entity in one run: extracted = loaded + rejected, or the run fails.</summary>
public sealed record SourceCount(string Source, string Entity, string LandingRunId, int Files, long Bytes, long Extracted, long Loaded, long Rejected)
{
    public bool Reconciles => Extracted == Loaded + Rejected;
}

/// <summary>A run in which records went missing: a bug, never a data problem, so the run stops.</summary>
public sealed class ReconciliationException(IReadOnlyList<SourceCount> counts)
    : Exception("Records are unaccounted for: " + string.Join("; ", counts.Where(c => !c.Reconciles).Select(c =>
        $"{c.Source}/{c.Entity}: extracted {c.Extracted} ≠ loaded {c.Loaded} + rejected {c.Rejected}")))
{
    public IReadOnlyList<SourceCount> Counts { get; } = counts;
}

/// <summary>
/// Counts every source entity three ways: records the landed pages hold (the manifests), rows in the table the
/// entity loads into, and distinct rejected records. The table an entity loads into is named here, once.
/// </summary>
public static class Reconciliation
{
    private static readonly Dictionary<(string Source, string Entity), string> LoadedTables = new()
    {
        [("smartsheet", "tracker")] = "dim_engagement",
        [("salesforce", "opportunities")] = "fct_opportunity",
        [("salesforce", "opportunity_history")] = "fct_opportunity_stage_history",
    };

    public static IReadOnlyList<SourceCount> Count(DuckDbConnection connection, IReadOnlyList<LandingManifest> manifests)
    {
        var counts = new List<SourceCount>();
        foreach (var manifest in manifests)
        {
            var loaded = LoadedTables.TryGetValue((manifest.Source, manifest.Entity), out var table) ? Scalar(connection, LoadedSql(table)) : 0;
            var rejected = Scalar(connection, """
                SELECT count(DISTINCT coalesce(file_name, '') || '#' || coalesce(row_id::VARCHAR, record_key, row_number::VARCHAR, ''))
                FROM int_rejects WHERE source = $source AND entity = $entity
                """, ("source", manifest.Source), ("entity", manifest.Entity));
            counts.Add(new SourceCount(manifest.Source, manifest.Entity, manifest.RunId, manifest.Files.Count,
                manifest.Files.Sum(f => f.Bytes), manifest.RecordCount, loaded, rejected));
        }

        return counts;
    }

    public static void Record(DuckDbConnection connection, string runId, IReadOnlyList<SourceCount> counts, IReadOnlyList<LandingManifest> manifests)
    {
        foreach (var count in counts)
        {
            var watermark = manifests.First(m => m.Source == count.Source && m.Entity == count.Entity).Watermark;
            EtlTables.Execute(connection, """
                INSERT INTO etl_run_source VALUES ($run_id, $source, $entity, $landing, $files, $bytes, $extracted, $loaded, $rejected, $from, $to)
                """,
                ("run_id", runId), ("source", count.Source), ("entity", count.Entity), ("landing", count.LandingRunId),
                ("files", count.Files), ("bytes", count.Bytes), ("extracted", count.Extracted), ("loaded", count.Loaded),
                ("rejected", count.Rejected), ("from", watermark.From?.UtcDateTime), ("to", watermark.To?.UtcDateTime));
        }
    }

    /// <summary>
    /// dim_engagement keeps history: a deal loaded this run is its current version with is_loaded (a current version
    /// whose row was rejected this run is kept, with is_loaded false; it counts among the rejected, not here).
    /// </summary>
    private static string LoadedSql(string table) => table == "dim_engagement"
        ? "SELECT count(*) FROM dim_engagement WHERE is_current AND is_loaded"
        : $"SELECT count(*) FROM {table}";

    private static long Scalar(DuckDbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
