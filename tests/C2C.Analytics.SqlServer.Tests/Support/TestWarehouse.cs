using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Models;
using Dapper;

namespace C2C.Analytics.SqlServer.Tests.Support;

/// <summary>
/// A small warehouse in an in-memory DuckDB, shaped like the real one: a dimension whose key and text length are in
/// its DDL, a dimension whose key comes from its model header, a fact, a snapshot fact, a mart with a HUGEINT, the
/// pipeline's etl_run, and tables that are not served (staging, raw, etl).
/// </summary>
internal sealed class TestWarehouse : IDisposable
{
    public const string RunId = "20250630T020000Z-abc123";
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    // Snapshot rows per date: 2025-06-28 → 2, 2025-06-29 → 3, 2025-06-30 → 3 (8 in all).
    public const string SnapshotTable = "fct_sales_snapshot";

    private TestWarehouse(DuckDbConnection connection) => Connection = connection;

    public DuckDbConnection Connection { get; }

    /// <summary>The model catalog that declares dim_customer's key and the lengths of its text.</summary>
    public static ModelCatalog Models { get; } = ModelCatalog.FromModels(
    [
        new SqlModel("dim_customer", "core", "core/dim_customer.sql", "SELECT 1", Materialization.Table, [], null)
        {
            PrimaryKey = ["customer_id"],
            MaxLengths = new Dictionary<string, int> { ["customer_id"] = 18, ["region_code"] = 3 },
        },
    ]);

    public static TestWarehouse Create()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("""
            CREATE TABLE dim_region (
                region_code VARCHAR NOT NULL PRIMARY KEY CHECK (length(region_code) <= 3),
                region_name VARCHAR NOT NULL
            );
            INSERT INTO dim_region VALUES ('EU', 'Europe'), ('NA', 'North America'), ('APA', 'Asia Pacific');

            CREATE TABLE dim_customer AS
            SELECT * FROM (VALUES
                ('0065g00000AbCdEAAV', 'Zürich Ré 🦆', 'EU', DATE '2024-01-15', 1250.75::DECIMAL(18,2), TIMESTAMP '2025-06-01 08:30:00.123456'),
                ('0065g00000AbCdFAAV', 'Acme', 'NA', NULL, NULL, NULL),
                ('0065g00000AbCdGAAV', 'Kōbe Trading', 'APA', DATE '2025-02-28', 0.01::DECIMAL(18,2), TIMESTAMP '2025-06-02 00:00:00')
            ) AS t(customer_id, customer_name, region_code, signed_on, contract_value, updated_at);

            CREATE TABLE fct_sales AS
            SELECT 'S' || i AS sale_id, CASE WHEN i % 2 = 0 THEN '0065g00000AbCdEAAV' ELSE '0065g00000AbCdFAAV' END AS customer_id,
                   (i * 10)::INTEGER AS quantity, i % 3 = 0 AS is_returned, i * 1.5 AS score
            FROM range(1, 6) AS r(i);

            CREATE TABLE fct_sales_snapshot AS
            SELECT * FROM (VALUES
                (DATE '2025-06-28', 'S1', 10), (DATE '2025-06-28', 'S2', 20),
                (DATE '2025-06-29', 'S1', 11), (DATE '2025-06-29', 'S2', 21), (DATE '2025-06-29', 'S3', 31),
                (DATE '2025-06-30', 'S1', 12), (DATE '2025-06-30', 'S2', 22), (DATE '2025-06-30', 'S3', 32)
            ) AS t(snapshot_date, sale_id, quantity);

            CREATE TABLE mart_summary AS
            SELECT region_code, sum(quantity) AS quantity_total, count(*) AS sale_count
            FROM fct_sales JOIN dim_customer USING (customer_id)
            GROUP BY region_code;

            CREATE TABLE stg_sales AS SELECT 1 AS x;
            CREATE TABLE raw_sales AS SELECT 1 AS x;
            CREATE TABLE etl_run (run_id VARCHAR, status VARCHAR, as_of DATE, finished_at TIMESTAMP);
            INSERT INTO etl_run VALUES
                ('20250629T020000Z-old000', 'succeeded', DATE '2025-06-29', TIMESTAMP '2025-06-29 02:10:00'),
                ('20250630T020000Z-abc123', 'succeeded', DATE '2025-06-30', TIMESTAMP '2025-06-30 02:10:00'),
                ('20250630T030000Z-bad999', 'failed', DATE '2025-06-30', TIMESTAMP '2025-06-30 03:10:00');
            """);
        return new TestWarehouse(connection);
    }

    public static SqlServerPublishOptions Options() => new()
    {
        ConnectionString = "Server=tcp:127.0.0.1,1;Database=test",
        SnapshotTables = new Dictionary<string, string> { [SnapshotTable] = "snapshot_date" },
        Retry = new RetryOptions { MaxAttempts = 3, BaseDelaySeconds = 1, MaxDelaySeconds = 4 },
    };

    public void Dispose() => Connection.Dispose();
}
