using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// The warehouse's own lineage tables: one row per run, per source entity of a run, per step, per rejected record.
/// They are written outside the run's transaction, so a failed run is recorded even though its data is rolled back.
/// <c>etl_watermark</c> shows where each source entity stands: the watermark of the run the warehouse last committed.
/// </summary>
public static class EtlTables
{
    public const string Ddl = """
        CREATE TABLE IF NOT EXISTS etl_run (
            run_id VARCHAR NOT NULL,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,
            as_of DATE NOT NULL,
            origin VARCHAR NOT NULL,
            full_refresh BOOLEAN NOT NULL,
            rows_extracted BIGINT,
            rows_loaded BIGINT,
            rows_rejected BIGINT,
            error VARCHAR,
            host VARCHAR,
            process_id INTEGER
        );
        CREATE TABLE IF NOT EXISTS etl_run_source (
            run_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            entity VARCHAR NOT NULL,
            landing_run_id VARCHAR NOT NULL,
            files INTEGER NOT NULL,
            bytes BIGINT NOT NULL,
            extracted BIGINT NOT NULL,
            loaded BIGINT NOT NULL,
            rejected BIGINT NOT NULL,
            watermark_from TIMESTAMP,
            watermark_to TIMESTAMP
        );
        CREATE TABLE IF NOT EXISTS etl_run_step (
            run_id VARCHAR NOT NULL,
            step VARCHAR NOT NULL,
            started_at TIMESTAMP NOT NULL,
            elapsed_ms DOUBLE NOT NULL,
            rows BIGINT
        );
        CREATE TABLE IF NOT EXISTS etl_reject (
            run_id VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            entity VARCHAR NOT NULL,
            file_name VARCHAR,
            sheet_id BIGINT,
            row_id BIGINT,
            row_number INTEGER,
            record_key VARCHAR,
            field VARCHAR,
            reason VARCHAR NOT NULL,
            detail VARCHAR,
            raw_record VARCHAR
        );
        CREATE OR REPLACE VIEW etl_watermark AS
        WITH last_committed AS (
            -- etl_run_source is written in a run's transaction: only committed runs have rows there. Every run replaces
            -- every raw table, so only the newest of them counts.
            SELECT run.run_id
            FROM etl_run AS run
            SEMI JOIN etl_run_source AS source ON source.run_id = run.run_id
            ORDER BY run.started_at DESC, run.run_id DESC
            LIMIT 1
        )
        SELECT source.source, source.entity, source.watermark_to AS watermark, source.watermark_from, source.landing_run_id, source.run_id
        FROM etl_run_source AS source
        WHERE source.run_id = (SELECT run_id FROM last_committed);
        """;

    public static void Ensure(DuckDbConnection connection) => Execute(connection, Ddl);

    public static void Started(DuckDbConnection connection, RunRecord run) => Execute(connection, """
        INSERT INTO etl_run (run_id, started_at, status, as_of, origin, full_refresh, host, process_id)
        VALUES ($run_id, $started_at, 'running', $as_of, $origin, $full_refresh, $host, $pid)
        """,
        ("run_id", run.RunId), ("started_at", run.StartedAt.UtcDateTime), ("as_of", run.AsOf), ("origin", run.Origin),
        ("full_refresh", run.FullRefresh), ("host", Environment.MachineName), ("pid", Environment.ProcessId));

    public static void Finished(DuckDbConnection connection, string runId, DateTimeOffset finishedAt, string status,
        long? extracted, long? loaded, long? rejected, string? error) => Execute(connection, """
        UPDATE etl_run
        SET finished_at = $finished_at, status = $status, rows_extracted = $extracted, rows_loaded = $loaded,
            rows_rejected = $rejected, error = $error
        WHERE run_id = $run_id
        """,
        ("finished_at", finishedAt.UtcDateTime), ("status", status), ("extracted", extracted), ("loaded", loaded),
        ("rejected", rejected), ("error", error), ("run_id", runId));

    public static void Step(DuckDbConnection connection, string runId, StepTiming step) => Execute(connection, """
        INSERT INTO etl_run_step VALUES ($run_id, $step, $started_at, $elapsed_ms, $rows)
        """,
        ("run_id", runId), ("step", step.Name), ("started_at", step.StartedAt.UtcDateTime),
        ("elapsed_ms", step.Elapsed.TotalMilliseconds), ("rows", step.Rows));

    internal static int Execute(DuckDbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        return command.ExecuteNonQuery();
    }
}

/// <summary>The identity of one run as recorded in <c>etl_run</c>.</summary>
public sealed record RunRecord(string RunId, DateTimeOffset StartedAt, DateOnly AsOf, string Origin, bool FullRefresh);

/// <summary>How long one step of a run took, and how many rows it produced where that means something.</summary>
public sealed record StepTiming(string Name, DateTimeOffset StartedAt, TimeSpan Elapsed, long? Rows);
