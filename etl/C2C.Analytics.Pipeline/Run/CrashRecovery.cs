using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Export;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// What a run does first, before it records itself: clean up after a run whose process was killed. The runner holds
/// the warehouse open for writing for the whole of a run, and DuckDB lets one process do that at a time, so a run
/// still marked <c>running</c> when the warehouse is opened belongs to a process that is gone.
/// <list type="bullet">
/// <item>Killed before its commit: DuckDB discarded its transaction; the run is marked <c>failed</c> and its
/// half-written export staging folder is deleted.</item>
/// <item>Killed after its commit (while publishing the export): its data is the warehouse's, so its complete staging
/// folder is published now and the run is marked <c>succeeded</c>, with a note saying so.</item>
/// </list>
/// A run counts as committed when its <c>etl_run_source</c> rows exist: they are written inside the run's transaction.
/// </summary>
public static class CrashRecovery
{
    public const string InterruptedError = "interrupted: the process stopped before the run finished; nothing of it was committed";

    /// <summary>Returns the run ids it marked, failed or finished.</summary>
    public static IReadOnlyList<string> Recover(DuckDbConnection connection, string exportDirectory, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var published = ParquetExport.Recover(exportDirectory, runId => IsCommitted(connection, runId), progress);
        foreach (var runId in published)
        {
            progress?.Invoke($"recovered run {runId}: it was stopped after its commit; its Parquet export is now published");
        }

        var stale = new List<(string RunId, bool Committed)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT run.run_id, EXISTS (SELECT 1 FROM etl_run_source AS source WHERE source.run_id = run.run_id)
                FROM etl_run AS run WHERE run.status = 'running' ORDER BY run.started_at
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                stale.Add((reader.GetString(0), reader.GetBoolean(1)));
            }
        }

        foreach (var (runId, committed) in stale)
        {
            if (committed)
            {
                EtlTables.Execute(connection, """
                    UPDATE etl_run SET status = 'succeeded',
                        rows_extracted = (SELECT sum(extracted) FROM etl_run_source WHERE run_id = $run_id),
                        rows_loaded = (SELECT sum(loaded) FROM etl_run_source WHERE run_id = $run_id),
                        rows_rejected = (SELECT sum(rejected) FROM etl_run_source WHERE run_id = $run_id),
                        error = 'the process stopped after the commit; the export was published by the next run'
                    WHERE run_id = $run_id
                    """, ("run_id", runId));
            }
            else
            {
                EtlTables.Execute(connection, "UPDATE etl_run SET status = 'failed', error = $error WHERE run_id = $run_id",
                    ("error", InterruptedError), ("run_id", runId));
                progress?.Invoke($"recovered run {runId}: it was stopped before its commit and is recorded as failed");
            }
        }

        return [.. stale.Select(s => s.RunId)];
    }

    private static bool IsCommitted(DuckDbConnection connection, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM etl_run_source WHERE run_id = $run_id";
        command.Parameters.Add("run_id", runId);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
