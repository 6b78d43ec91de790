using C2C.Analytics.SqlServer.Catalog;
using C2C.Analytics.SqlServer.Schema;
using C2C.Analytics.SqlServer.Tests.Support;
using Dapper;

namespace C2C.Analytics.SqlServer.Tests;

/// <summary>
/// The publish as a whole, against an in-memory server (<see cref="FakeServer"/>): what is loaded, what is switched
/// in one transaction, what is verified, and what is left in place when something fails.
/// </summary>
public sealed class SqlServerPublisherTests : IDisposable
{
    // Served tables of the test warehouse and their rows (see TestWarehouse): dim_customer 3, dim_region 3,
    // fct_sales 5 (i = 1..5), fct_sales_snapshot 8 (2 + 3 + 3 over three dates), mart_summary 2 (EU and NA).
    private static readonly Dictionary<string, int> ExpectedRows = new()
    {
        ["dim_customer"] = 3, ["dim_region"] = 3, ["fct_sales"] = 5, ["fct_sales_snapshot"] = 8, ["mart_summary"] = 2,
    };

    private readonly TestWarehouse _warehouse = TestWarehouse.Create();
    private readonly FakeServer _server = new();
    private readonly List<TimeSpan> _delays = [];

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public async Task First_publish_loads_every_served_table_switches_them_in_one_transaction_and_records_the_run()
    {
        var result = await Publish();

        Assert.Equal(ExpectedRows, _server.Published.ToDictionary(t => t.Key, t => t.Value.Rows.Count));
        Assert.Empty(_server.Staging);
        Assert.Equal(TestWarehouse.RunId, result.Run.RunId);
        Assert.Equal(21, result.Rows); // 3 + 3 + 5 + 8 + 2
        Assert.Equal(1, result.SchemaVersion);
        Assert.All(result.Changes, c => Assert.Equal(SchemaChangeKind.TableCreated, c.Kind));
        Assert.Equal(ExpectedRows.Keys.Order(), _server.SchemaHistory.Select(h => h.Table).Order());
        var record = Assert.Single(_server.Publishes);
        Assert.Equal(("succeeded", 5, 21L, 1), (record.Status, record.Tables, record.Rows, record.SchemaVersion));

        // Every load happens before the one switch; the switch replaces all tables, checks all counts, then commits.
        var steps = _server.Steps.Where(s => !s.StartsWith("row ", StringComparison.Ordinal)).ToList();
        var begin = steps.IndexOf("begin switch");
        Assert.True(steps.FindLastIndex(s => s.StartsWith("load ", StringComparison.Ordinal)) < begin);
        Assert.Equal(1, steps.Count(s => s == "begin switch"));
        Assert.Equal(
            ExpectedRows.Keys.Select(t => "replace " + t).Concat(ExpectedRows.Keys.Select(t => "count " + t))
                .Concat(["record schema changes", "record publish", "commit", "end switch"]),
            steps.Skip(begin + 1));
    }

    [Fact]
    public async Task Published_values_arrive_as_the_types_sqlclient_sends_for_their_columns()
    {
        await Publish();

        var customers = _server.Published["dim_customer"];
        var zurich = customers.Rows.Single(r => (string)r[0]! == "0065g00000AbCdEAAV");
        Assert.Equal("Zürich Ré 🦆", zurich[1]);
        Assert.Equal(new DateTime(2024, 1, 15), zurich[3]);
        Assert.Equal(1250.75m, zurich[4]);
        Assert.Equal(new DateTime(2025, 6, 1, 8, 30, 0).AddTicks(1234560), zurich[5]);
        var acme = customers.Rows.Single(r => (string)r[0]! == "0065g00000AbCdFAAV");
        Assert.Null(acme[3]);

        // sum(INTEGER) is a HUGEINT in DuckDB, published as DECIMAL(38,0): EU 20 + 40 = 60, NA 10 + 30 + 50 = 90.
        var summary = _server.Published["mart_summary"].Rows.ToDictionary(r => (string)r[0]!, r => r[1]);
        Assert.Equal(60m, summary["EU"]);
        Assert.Equal(90m, summary["NA"]);
        Assert.Equal(SqlServerType.Decimal(38, 0), _server.Published["mart_summary"].Columns[1].Type);
    }

    [Fact]
    public async Task A_table_that_loses_rows_on_the_way_fails_the_publish_before_the_switch_and_leaves_the_published_tables()
    {
        await Publish();
        var before = Snapshot();
        _warehouse.Connection.Execute("INSERT INTO dim_region VALUES ('LA', 'Latin America')");
        _server.LoseRowsOnLoad["dim_region"] = 1;
        var steps = _server.Steps.Count;

        var error = await Assert.ThrowsAsync<RowCountMismatchException>(() => Publish());

        Assert.Equal(("dim_region", 4L, 3L), (error.Table, error.Expected, error.Actual));
        Assert.Contains("the previous publish's", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("begin switch", _server.Steps.Skip(steps));
        Assert.Equal(before, Snapshot());
        Assert.Empty(_server.Staging);
        Assert.Equal("failed", _server.Publishes[^1].Status);
        Assert.Contains("dim_region", _server.Publishes[^1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_that_differs_after_the_switch_rolls_the_whole_switch_back()
    {
        await Publish();
        var before = Snapshot();
        _warehouse.Connection.Execute("INSERT INTO fct_sales VALUES ('S6', '0065g00000AbCdEAAV', 60, false, 9.0)");
        _server.LoseRowsOnSwitch["fct_sales"] = 2;

        var error = await Assert.ThrowsAsync<RowCountMismatchException>(() => Publish());

        Assert.Equal(("fct_sales", 6L, 4L), (error.Table, error.Expected, error.Actual));
        Assert.DoesNotContain("commit", _server.Steps.Skip(_server.Steps.LastIndexOf("begin switch")));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task A_transient_error_in_the_middle_of_a_bulk_copy_reloads_that_table_from_a_fresh_read_of_the_warehouse()
    {
        var failures = 0;
        _server.Fault = step => step == "row fct_sales" && _server.Steps.Count(s => s == "row fct_sales") == 3 && failures++ == 0
            ? new TransientError("connection reset")
            : null;

        await Publish();

        Assert.Equal(5, _server.Published["fct_sales"].Rows.Count);
        Assert.Equal(2, _server.Steps.Count(s => s == "load fct_sales"));
        Assert.Contains("reset", _server.Steps);
        // The first retry waits BaseDelay × 2^0 = 1 s, times the jitter factor 0.5 + 0.5 × random ∈ [0.5, 1).
        var delay = Assert.Single(_delays);
        Assert.InRange(delay.TotalSeconds, 0.5, 1.0);
    }

    [Fact]
    public async Task A_transient_error_that_persists_fails_after_the_configured_attempts()
    {
        _server.Fault = step => step == "open" ? new TransientError("database not currently available") : null;

        await Assert.ThrowsAsync<TransientError>(() => Publish());

        Assert.Equal(3, _server.Opens);
        Assert.Equal(2, _delays.Count);
        Assert.Empty(_server.Published);
    }

    [Fact]
    public async Task A_lost_commit_acknowledgement_is_not_switched_twice()
    {
        _server.LoseCommitAcknowledgement = new TransientError("connection lost after commit");

        var result = await Publish();

        Assert.Equal(1, _server.Steps.Count(s => s == "commit"));
        Assert.Contains("is published", _server.Steps);
        Assert.Single(_server.Publishes);
        Assert.Equal(1, result.SchemaVersion);
    }

    [Fact]
    public async Task A_column_added_upstream_is_added_downstream_and_recorded_as_a_new_schema_version()
    {
        await Publish();
        _warehouse.Connection.Execute("ALTER TABLE dim_region ADD COLUMN sort_order INTEGER DEFAULT 1");

        var result = await Publish();

        Assert.Equal(2, result.SchemaVersion);
        var change = Assert.Single(result.Changes);
        Assert.Equal(("dim_region", SchemaChangeKind.ColumnAdded, "sort_order"), (change.Table, change.Kind, change.Column));
        Assert.Contains((2, "dim_region", "column sort_order added (INT)"), _server.SchemaHistory);
        Assert.Equal(["region_code", "region_name", "sort_order"], _server.Published["dim_region"].Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task A_type_change_that_would_lose_data_stops_the_publish_with_the_table_column_and_types_and_touches_nothing()
    {
        await Publish();
        var before = Snapshot();
        _warehouse.Connection.Execute("""
            CREATE OR REPLACE TABLE fct_sales AS
            SELECT sale_id, customer_id, CAST(quantity AS SMALLINT) AS quantity, is_returned FROM fct_sales
            """);
        var steps = _server.Steps.Count;

        var error = await Assert.ThrowsAsync<BreakingSchemaChangeException>(() => Publish());

        Assert.Contains("fct_sales: column quantity would change from INT to SMALLINT", error.Message, StringComparison.Ordinal);
        Assert.Contains("fct_sales: column score", error.Message, StringComparison.Ordinal);
        Assert.Contains("--accept-breaking-changes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_server.Steps.Skip(steps), s => s.StartsWith("load ", StringComparison.Ordinal));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task Accepted_breaking_changes_rebuild_the_table_and_are_recorded()
    {
        await Publish();
        _warehouse.Connection.Execute("ALTER TABLE fct_sales DROP COLUMN score");

        var result = await Publish(o => o.AcceptBreakingChanges = true);

        Assert.Equal(SchemaChangeKind.ColumnRemoved, Assert.Single(result.Changes).Kind);
        Assert.Equal(4, _server.Published["fct_sales"].Columns.Count);
        Assert.Equal(2, result.SchemaVersion);
    }

    [Fact]
    public async Task A_snapshot_table_loads_only_its_last_published_date_and_the_dates_after_it()
    {
        await Publish();
        // A new night: 2025-07-01 with 4 rows. The server has 06-28 (2), 06-29 (3), 06-30 (3); 06-30 is its last date,
        // so the window is 06-30 and 07-01: 3 + 4 = 7 rows copied, 8 + 4 = 12 rows published.
        _warehouse.Connection.Execute("""
            INSERT INTO fct_sales_snapshot VALUES
                (DATE '2025-07-01', 'S1', 13), (DATE '2025-07-01', 'S2', 23), (DATE '2025-07-01', 'S3', 33), (DATE '2025-07-01', 'S4', 43)
            """);

        var result = await Publish();

        var snapshot = result.Tables.Single(t => t.Table == TestWarehouse.SnapshotTable);
        Assert.Equal((new DateTime(2025, 6, 30), 12L, 7L), (snapshot.WindowStart, snapshot.Rows, snapshot.RowsCopied));
        Assert.Contains("merge fct_sales_snapshot from 2025-06-30", _server.Steps);
        Assert.Equal(12, _server.Published[TestWarehouse.SnapshotTable].Rows.Count);
        // Every other table is replaced whole.
        Assert.Equal(5, result.Tables.Single(t => t.Table == "fct_sales").RowsCopied);
    }

    [Fact]
    public async Task A_snapshot_date_rewritten_in_the_warehouse_is_loaded_again_from_that_date()
    {
        await Publish();
        // 06-29 loses a row in the warehouse (3 → 2): the window starts there: 06-29 (2) + 06-30 (3) = 5 rows copied.
        _warehouse.Connection.Execute("DELETE FROM fct_sales_snapshot WHERE snapshot_date = DATE '2025-06-29' AND sale_id = 'S3'");

        var result = await Publish();

        var snapshot = result.Tables.Single(t => t.Table == TestWarehouse.SnapshotTable);
        Assert.Equal((new DateTime(2025, 6, 29), 7L, 5L), (snapshot.WindowStart, snapshot.Rows, snapshot.RowsCopied));
        var published = _server.Published[TestWarehouse.SnapshotTable].Rows;
        Assert.Equal(2, published.Count(r => (DateTime)r[0]! == new DateTime(2025, 6, 29)));
    }

    [Fact]
    public async Task A_snapshot_table_whose_definition_changed_is_loaded_whole_under_its_new_definition()
    {
        await Publish();
        _warehouse.Connection.Execute("ALTER TABLE fct_sales_snapshot ADD COLUMN region_code VARCHAR");

        var result = await Publish();

        var snapshot = result.Tables.Single(t => t.Table == TestWarehouse.SnapshotTable);
        Assert.Equal((null, 8L, 8L), (snapshot.WindowStart, snapshot.Rows, snapshot.RowsCopied));
        Assert.Contains("replace fct_sales_snapshot", _server.Steps.Skip(_server.Steps.LastIndexOf("begin switch")));
        Assert.Equal(4, _server.Published[TestWarehouse.SnapshotTable].Columns.Count);
    }

    [Fact]
    public async Task Data_that_breaks_a_declaration_fails_before_the_server_is_touched()
    {
        _warehouse.Connection.Execute("INSERT INTO dim_customer VALUES ('0065g00000AbCdEAAV', 'Copy', 'EU', NULL, NULL, NULL)");

        var error = await Assert.ThrowsAsync<WarehouseCatalogException>(() => Publish());

        Assert.Contains("dim_customer", error.Message, StringComparison.Ordinal);
        Assert.Contains("(0065g00000AbCdEAAV) is on 2 rows", error.Message, StringComparison.Ordinal);
        Assert.Contains("core/dim_customer.sql", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Steps);
    }

    [Fact]
    public async Task Without_a_run_given_it_publishes_the_last_successful_run_of_the_warehouse()
    {
        var publisher = Publisher(TestWarehouse.Options());

        var result = await publisher.PublishAsync(_warehouse.Connection, TestWarehouse.Models, request: null);

        // etl_run holds an older success and a later failure: the later success is the last good run.
        Assert.Equal(new PublishRequest(TestWarehouse.RunId, TestWarehouse.AsOf), result.Run);
        Assert.Equal(new DateTime(2025, 6, 30), _server.Publishes.Single().AsOf);
    }

    [Fact]
    public async Task The_warehouse_file_is_opened_read_only_and_left_as_it_was()
    {
        var directory = Directory.CreateTempSubdirectory("c2c-publish-");
        try
        {
            var path = Path.Combine(directory.FullName, "warehouse.duckdb");
            _warehouse.Connection.Execute($"ATTACH '{path}' AS file_copy; COPY FROM DATABASE memory TO file_copy; DETACH file_copy;");
            var bytes = File.ReadAllBytes(path);

            await Publisher(TestWarehouse.Options()).PublishAsync(path, TestWarehouse.Models, request: null);

            Assert.Equal(5, _server.Published.Count);
            Assert.Equal(bytes, File.ReadAllBytes(path));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("c2c; DROP", "Publish:SqlServer:Schema 'c2c; DROP' is not a plain schema name")]
    [InlineData("c2c_staging", "StagingSchema must differ")]
    public async Task A_bad_schema_name_is_a_configuration_error(string schema, string message)
    {
        var error = await Assert.ThrowsAsync<PublishConfigurationException>(() => Publish(o => o.Schema = schema, o => o.StagingSchema = "c2c_staging"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private Task<PublishResult> Publish(params Action<SqlServerPublishOptions>[] configure)
    {
        var options = TestWarehouse.Options();
        foreach (var change in configure)
        {
            change(options);
        }

        return Publisher(options).PublishAsync(_warehouse.Connection, TestWarehouse.Models, new PublishRequest(TestWarehouse.RunId, TestWarehouse.AsOf));
    }

    private SqlServerPublisher Publisher(SqlServerPublishOptions options) => new(
        options,
        _server.Target,
        (delay, _) => { _delays.Add(delay); return Task.CompletedTask; },
        TransientError.IsTransient);

    private Dictionary<string, string> Snapshot() => _server.Published.ToDictionary(
        t => t.Key,
        t => string.Join("|", t.Value.Columns.Select(c => $"{c.Name} {c.Type}")) + " / " +
             string.Join("|", t.Value.Rows.Select(r => string.Join(",", r.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture))))));
}
