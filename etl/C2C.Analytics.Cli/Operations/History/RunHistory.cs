using C2C.Analytics.DuckDb;

namespace C2C.Analytics.Cli.Operations.History;

/// <summary>
/// The queries behind <c>c2c runs</c> and <c>c2c rejects</c>, over the warehouse's lineage tables (etl_run,
/// etl_run_source, etl_run_step, etl_reject), opened read-only. A run still marked <c>running</c> while nobody holds
/// the warehouse lock was stopped without finishing: it is shown as <c>interrupted</c> (the next run records it as
/// failed).
/// </summary>
internal static class RunHistory
{
    public static DuckDbConnection OpenReadOnly(string warehouse)
    {
        var connection = new DuckDbConnection(new DuckDbConnectionStringBuilder { DataSource = warehouse, ReadOnly = true }.ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>The newest runs first: start, end, duration, status, as-of, rows per source, rejects, error.</summary>
    public static DuckDbCommand Runs(DuckDbConnection connection, int last, bool lockHeld) => Command(connection, """
        SELECT run.run_id,
            strftime(run.started_at, '%Y-%m-%d %H:%M:%S') AS started_utc,
            strftime(run.finished_at, '%Y-%m-%d %H:%M:%S') AS finished_utc,
            round(epoch(run.finished_at - run.started_at), 1) AS seconds,
            CASE WHEN run.status = 'running' AND NOT $lock_held THEN 'interrupted' ELSE run.status END AS status,
            run.as_of,
            run.origin,
            (SELECT string_agg(source.source || '/' || source.entity || ' ' || source.extracted || ' = ' || source.loaded || ' + ' || source.rejected,
                    '; ' ORDER BY source.source, source.entity)
             FROM etl_run_source AS source WHERE source.run_id = run.run_id) AS "rows (extracted = loaded + rejected)",
            run.rows_rejected AS rejected,
            run.error
        FROM etl_run AS run
        ORDER BY run.started_at DESC, run.run_id DESC
        LIMIT $last
        """, ("lock_held", lockHeld), ("last", last));

    /// <summary>The id of the newest run, or null when there is none.</summary>
    public static string? LastRunId(DuckDbConnection connection)
    {
        using var command = Command(connection, "SELECT run_id FROM etl_run ORDER BY started_at DESC, run_id DESC LIMIT 1");
        return command.ExecuteScalar() as string;
    }

    public static bool Exists(DuckDbConnection connection, string runId)
    {
        using var command = Command(connection, "SELECT count(*) FROM etl_run WHERE run_id = $run_id", ("run_id", runId));
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    /// <summary>One run as name/value lines.</summary>
    public static DuckDbCommand Run(DuckDbConnection connection, string runId, bool lockHeld) => Command(connection, """
        SELECT run_id,
            CASE WHEN status = 'running' AND NOT $lock_held THEN 'interrupted' ELSE status END AS status,
            strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_utc,
            strftime(finished_at, '%Y-%m-%d %H:%M:%S') AS finished_utc,
            round(epoch(finished_at - started_at), 1) AS seconds,
            as_of, origin, full_refresh, rows_extracted, rows_loaded, rows_rejected, host, process_id, error
        FROM etl_run WHERE run_id = $run_id
        """, ("lock_held", lockHeld), ("run_id", runId));

    public static DuckDbCommand Steps(DuckDbConnection connection, string runId) => Command(connection, """
        SELECT step, strftime(started_at, '%H:%M:%S') AS started_utc, round(elapsed_ms / 1000, 2) AS seconds, rows
        FROM etl_run_step WHERE run_id = $run_id ORDER BY started_at, step
        """, ("run_id", runId));

    public static DuckDbCommand Sources(DuckDbConnection connection, string runId) => Command(connection, """
        SELECT source, entity, landing_run_id, files, bytes, extracted, loaded, rejected,
            strftime(watermark_from, '%Y-%m-%d %H:%M:%S') AS watermark_from_utc, strftime(watermark_to, '%Y-%m-%d %H:%M:%S') AS watermark_to_utc
        FROM etl_run_source WHERE run_id = $run_id ORDER BY source, entity
        """, ("run_id", runId));

    public static DuckDbCommand RejectReasons(DuckDbConnection connection, string runId) => Command(connection, """
        SELECT source, entity, reason, field, count(*) AS records
        FROM etl_reject WHERE run_id = $run_id
        GROUP BY ALL ORDER BY records DESC, source, entity, reason, field
        """, ("run_id", runId));

    /// <summary>
    /// Every rejected record of one run with its reason and the raw record it came from; the raw record cut to
    /// <paramref name="rawWidth"/> characters when given (a table on a screen), whole otherwise (csv, json).
    /// </summary>
    public static DuckDbCommand Rejects(DuckDbConnection connection, string runId, int limit, int? rawWidth) => Command(connection, """
        SELECT source, entity, regexp_extract(file_name, '[^/\\]*$') AS file, row_number, record_key, field, reason, detail,
            CASE WHEN $raw_width IS NULL OR length(raw_record) <= $raw_width THEN raw_record ELSE left(raw_record, $raw_width) || '…' END AS raw_record
        FROM etl_reject WHERE run_id = $run_id
        ORDER BY source, entity, file_name, row_number, record_key, field
        LIMIT $limit
        """, ("run_id", runId), ("limit", limit), ("raw_width", rawWidth));

    private static DuckDbCommand Command(DuckDbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(name, value);
        }

        return command;
    }
}
