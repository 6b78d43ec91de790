using C2C.Analytics.SqlServer.Target;
using C2C.Analytics.SqlServer.Tests.Support;
using Dapper;
using Microsoft.Data.SqlClient;

namespace C2C.Analytics.SqlServer.Tests.Integration;

/// <summary>
/// The whole publish against the SQL Server named by <c>C2C_TEST_SQLSERVER</c>, each test in a schema of its own
/// (<c>c2c_it_…</c>) that is dropped afterwards. Run with:
/// <c>C2C_TEST_SQLSERVER="Server=…;Database=…;User ID=…;Password=…" dotnet test tests/C2C.Analytics.SqlServer.Tests --filter Category=SqlServer</c>.
/// </summary>
[Trait("Category", "SqlServer")]
public sealed class SqlServerPublishIntegrationTests : IAsyncLifetime
{
    private readonly TestWarehouse _warehouse = TestWarehouse.Create();
    private readonly string _schema = "c2c_it_" + Guid.NewGuid().ToString("N")[..10];

    private string Table(string name) => Identifiers.SqlServer(_schema, name);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _warehouse.Dispose();
        if (string.IsNullOrWhiteSpace(SqlServerFactAttribute.ConnectionString))
        {
            return;
        }

        await using var connection = await OpenAsync();
        foreach (var schema in new[] { _schema, _schema + "_staging" })
        {
            var objects = await connection.QueryAsync<(string Name, string Type)>(
                "SELECT name, RTRIM(type) FROM sys.objects WHERE schema_id = SCHEMA_ID(@schema) AND type IN ('V', 'U') ORDER BY CASE type WHEN 'V' THEN 0 ELSE 1 END",
                new { schema });
            foreach (var (name, type) in objects)
            {
                await connection.ExecuteAsync($"DROP {(type == "V" ? "VIEW" : "TABLE")} {Identifiers.SqlServer(schema, name)}");
            }

            await connection.ExecuteAsync("IF SCHEMA_ID(@schema) IS NOT NULL EXEC (N'DROP SCHEMA ' + QUOTENAME(@schema))", new { schema });
        }
    }

    [SqlServerFact]
    public async Task Publishes_every_table_with_its_types_keys_indexes_and_rows()
    {
        var result = await PublishAsync();

        await using var connection = await OpenAsync();
        foreach (var (table, rows) in new Dictionary<string, long> { ["dim_customer"] = 3, ["dim_region"] = 3, ["fct_sales"] = 5, ["fct_sales_snapshot"] = 8, ["mart_summary"] = 2 })
        {
            Assert.Equal(rows, await connection.ExecuteScalarAsync<long>($"SELECT COUNT_BIG(*) FROM {Table(table)}"));
        }

        var columns = (await connection.QueryAsync<(string Name, string Type, int? Length, byte? Precision, int? Scale, string Nullable)>("""
            SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, COALESCE(NUMERIC_SCALE, DATETIME_PRECISION), IS_NULLABLE
            FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = @schema AND TABLE_NAME = 'dim_customer' ORDER BY ORDINAL_POSITION
            """, new { schema = _schema })).ToList();
        Assert.Equal(("customer_id", "nvarchar", 18, "NO"), (columns[0].Name, columns[0].Type, columns[0].Length, columns[0].Nullable));
        Assert.Equal(("customer_name", "nvarchar", -1), (columns[1].Name, columns[1].Type, columns[1].Length));
        Assert.Equal(("region_code", "nvarchar", 3), (columns[2].Name, columns[2].Type, columns[2].Length));
        Assert.Equal(("signed_on", "date"), (columns[3].Name, columns[3].Type));
        Assert.Equal(("contract_value", "decimal", (byte?)18, 2), (columns[4].Name, columns[4].Type, columns[4].Precision, columns[4].Scale));
        Assert.Equal(("updated_at", "datetime2", 6), (columns[5].Name, columns[5].Type, columns[5].Scale));

        Assert.Equal("CLUSTERED", await IndexAsync(connection, "dim_customer", "is_primary_key = 1"));
        Assert.Equal("CLUSTERED COLUMNSTORE", await IndexAsync(connection, "fct_sales_snapshot", "index_id = 1"));
        Assert.Equal("HEAP", await IndexAsync(connection, "fct_sales", "index_id = 0"));

        var zurich = await connection.QuerySingleAsync<(string Name, DateTime SignedOn, decimal Value, DateTime UpdatedAt)>(
            $"SELECT customer_name, signed_on, contract_value, updated_at FROM {Table("dim_customer")} WHERE customer_id = @id", new { id = "0065g00000AbCdEAAV" });
        Assert.Equal(("Zürich Ré 🦆", new DateTime(2024, 1, 15), 1250.75m, new DateTime(2025, 6, 1, 8, 30, 0).AddTicks(1234560)), zurich);
        Assert.Equal(60m, await connection.ExecuteScalarAsync<decimal>($"SELECT quantity_total FROM {Table("mart_summary")} WHERE region_code = N'EU'"));

        var publish = await connection.QuerySingleAsync<(string RunId, string Status, long Rows, int Version)>(
            $"SELECT run_id, status, rows_published, schema_version FROM {Table(TSql.PublishTable)}");
        Assert.Equal((TestWarehouse.RunId, "succeeded", 21L, 1), publish); // 3 + 3 + 5 + 8 + 2 rows
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>($"SELECT COUNT(*) FROM {Table(TSql.SchemaVersionTable)} WHERE version = 1"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sys.tables WHERE schema_id = SCHEMA_ID(@staging)", new { staging = _schema + "_staging" }));
        Assert.Equal(1, result.SchemaVersion);
    }

    [SqlServerFact]
    public async Task Republishing_adds_an_upstream_column_and_loads_the_snapshot_incrementally()
    {
        await PublishAsync();
        _warehouse.Connection.Execute("ALTER TABLE dim_region ADD COLUMN sort_order INTEGER DEFAULT 1");
        _warehouse.Connection.Execute("""
            INSERT INTO fct_sales_snapshot VALUES
                (DATE '2025-07-01', 'S1', 13), (DATE '2025-07-01', 'S2', 23), (DATE '2025-07-01', 'S3', 33), (DATE '2025-07-01', 'S4', 43)
            """);

        var result = await PublishAsync();

        // The server's last snapshot date (06-30, 3 rows) and the new one (07-01, 4 rows) are copied: 7 of 12.
        var snapshot = result.Tables.Single(t => t.Table == TestWarehouse.SnapshotTable);
        Assert.Equal((new DateTime(2025, 6, 30), 7L), (snapshot.WindowStart, snapshot.RowsCopied));
        await using var connection = await OpenAsync();
        Assert.Equal(12, await connection.ExecuteScalarAsync<long>($"SELECT COUNT_BIG(*) FROM {Table(TestWarehouse.SnapshotTable)}"));
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>($"SELECT SUM(sort_order) FROM {Table("dim_region")}"));
        Assert.Equal("column sort_order added (INT)", await connection.ExecuteScalarAsync<string>(
            $"SELECT change FROM {Table(TSql.SchemaVersionTable)} WHERE version = 2 AND table_name = N'dim_region'"));
        Assert.Equal(2, result.SchemaVersion);
    }

    [SqlServerFact]
    public async Task A_breaking_change_stops_the_publish_and_the_published_table_stays_as_it_was()
    {
        await PublishAsync();
        _warehouse.Connection.Execute("CREATE OR REPLACE TABLE fct_sales AS SELECT sale_id, customer_id, CAST(quantity AS SMALLINT) AS quantity, is_returned, score FROM fct_sales");

        var error = await Assert.ThrowsAsync<BreakingSchemaChangeException>(() => PublishAsync());

        Assert.Contains("fct_sales: column quantity would change from INT to SMALLINT", error.Message, StringComparison.Ordinal);
        await using var connection = await OpenAsync();
        Assert.Equal(150, await connection.ExecuteScalarAsync<int>($"SELECT SUM(quantity) FROM {Table("fct_sales")}")); // 10 + 20 + 30 + 40 + 50
    }

    [SqlServerFact]
    public async Task A_failure_during_the_switch_rolls_back_every_table_of_the_publish()
    {
        await PublishAsync();
        await using var connection = await OpenAsync();
        // A schema-bound view makes DROP TABLE fct_sales fail inside the switch, after dim_region was already replaced.
        await connection.ExecuteAsync($"CREATE VIEW {Table("v_sales")} WITH SCHEMABINDING AS SELECT sale_id FROM {Table("fct_sales")}");
        _warehouse.Connection.Execute("INSERT INTO dim_region VALUES ('LA', 'Latin America')");

        var error = await Assert.ThrowsAsync<PublishException>(() => PublishAsync());

        Assert.Contains("3729", error.Message, StringComparison.Ordinal); // cannot drop: referenced by a schema-bound object
        Assert.Equal(3, await connection.ExecuteScalarAsync<long>($"SELECT COUNT_BIG(*) FROM {Table("dim_region")}"));
        Assert.Equal("failed", await connection.ExecuteScalarAsync<string>(
            $"SELECT TOP (1) status FROM {Table(TSql.PublishTable)} ORDER BY started_at DESC, status"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM sys.tables WHERE schema_id = SCHEMA_ID(@staging)", new { staging = _schema + "_staging" }));
    }

    [SqlServerFact]
    public async Task A_second_publisher_to_the_same_schema_is_refused_while_the_first_holds_the_lock()
    {
        await using var holder = await OpenAsync();
        await holder.ExecuteAsync(TSql.AcquirePublishLock, new { resource = "c2c-publish:" + _schema });

        var error = await Assert.ThrowsAsync<PublishException>(() => PublishAsync());

        Assert.Contains("Another publish to schema " + _schema, error.Message, StringComparison.Ordinal);
    }

    private Task<PublishResult> PublishAsync()
    {
        var options = TestWarehouse.Options();
        options.ConnectionString = SqlServerFactAttribute.ConnectionString;
        options.Schema = _schema;
        return new SqlServerPublisher(options).PublishAsync(_warehouse.Connection, TestWarehouse.Models, new PublishRequest(TestWarehouse.RunId, TestWarehouse.AsOf));
    }

    private static async Task<SqlConnection> OpenAsync()
    {
        var connection = new SqlConnection(SqlServerConnectionString.Build(SqlServerFactAttribute.ConnectionString).ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private Task<string> IndexAsync(SqlConnection connection, string table, string condition) => connection.ExecuteScalarAsync<string>(
        $"SELECT type_desc FROM sys.indexes WHERE object_id = OBJECT_ID(@name) AND {condition}", new { name = _schema + "." + table })!;
}
