using C2C.Analytics.DuckDb;
using Dapper;

namespace C2C.Analytics.SqlServer;

/// <summary>Which warehouse run is being published (recorded in <c>etl_publish</c>).</summary>
public sealed record PublishRequest(string RunId, DateOnly AsOf)
{
    private const string LastGoodRunSql = """
        SELECT run_id AS RunId, CAST(as_of AS TIMESTAMP) AS AsOf
        FROM etl_run
        WHERE status = 'succeeded'
        ORDER BY finished_at DESC
        LIMIT 1
        """;

    /// <summary>
    /// The last run that succeeded, from the warehouse's <c>etl_run</c> (written by the pipeline). A failed run is
    /// rolled back, so the warehouse's tables are that run's: this is what <c>c2c publish</c> publishes.
    /// </summary>
    public static PublishRequest? LastGood(DuckDbConnection warehouse)
    {
        var hasRuns = warehouse.ExecuteScalar<long>(
            "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'etl_run'") > 0;
        var run = hasRuns ? warehouse.QueryFirstOrDefault<RunRow>(LastGoodRunSql) : null;
        return run is null ? null : new PublishRequest(run.RunId, DateOnly.FromDateTime(run.AsOf));
    }

    private sealed class RunRow
    {
        public string RunId { get; set; } = "";

        public DateTime AsOf { get; set; }
    }
}
