using C2C.Analytics.SqlServer.Catalog;
using C2C.Analytics.SqlServer.Schema;

namespace C2C.Analytics.SqlServer.Tests.Schema;

public sealed class SchemaPlannerTests
{
    private static WarehouseTable Table(string name, long rows, IReadOnlyList<string> key, params WarehouseColumn[] columns) =>
        new(name, columns, key, rows, "warehouse/models/core/" + name + ".sql");

    private static WarehouseColumn Text(string name, int? length = null, bool nullable = true) => new(name, "VARCHAR", null, null, nullable, length);

    [Fact]
    public void A_dimension_with_a_declared_key_gets_a_clustered_primary_key_and_not_null_key_columns()
    {
        var plan = SchemaPlanner.Plan(Table("dim_owner", 10, ["owner_id"], Text("owner_id", 32, nullable: false), Text("owner_name")), new SqlServerPublishOptions());

        Assert.Equal(["owner_id"], plan.PrimaryKey);
        Assert.False(plan.Columnstore);
        Assert.Equal(("NVARCHAR(32)", false), (plan.Columns[0].Type.ToString(), plan.Columns[0].IsNullable));
        Assert.Equal("NVARCHAR(MAX)", plan.Columns[1].Type.ToString());
    }

    [Fact]
    public void A_key_column_without_a_declared_length_cannot_be_indexed_and_says_how_to_declare_one()
    {
        var error = Assert.Throws<WarehouseCatalogException>(() =>
            SchemaPlanner.Plan(Table("dim_stage", 5, ["stage_key"], Text("stage_key", nullable: false)), new SqlServerPublishOptions()));

        Assert.Contains("dim_stage.stage_key is in the primary key (warehouse/models/core/dim_stage.sql)", error.Message, StringComparison.Ordinal);
        Assert.Contains("-- max length: stage_key N", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_over_900_bytes_is_refused()
    {
        // 2 × 300 characters × 2 bytes = 1,200 bytes > 900.
        var error = Assert.Throws<WarehouseCatalogException>(() => SchemaPlanner.Plan(
            Table("dim_wide", 1, ["a", "b"], Text("a", 300, false), Text("b", 300, false)), new SqlServerPublishOptions()));

        Assert.Contains("takes 1200 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fct_big", 1_000_000, true)]
    [InlineData("fct_big", 999_999, false)]
    [InlineData("mart_big", 5_000_000, false)]
    [InlineData("dim_big", 5_000_000, false)]
    public void Facts_of_at_least_the_configured_rows_get_a_clustered_columnstore(string name, long rows, bool columnstore) =>
        Assert.Equal(columnstore, SchemaPlanner.Plan(Table(name, rows, [], Text("x")), new SqlServerPublishOptions()).Columnstore);

    [Fact]
    public void A_snapshot_table_is_a_columnstore_loaded_by_its_date_column_whatever_its_size()
    {
        var options = new SqlServerPublishOptions();
        var plan = SchemaPlanner.Plan(Table("fct_engagement_stage_snapshot", 12, [], new WarehouseColumn("snapshot_date", "DATE", null, null, true, null), Text("deal_id", 18)), options);

        Assert.Equal(("snapshot_date", true), (plan.SnapshotDateColumn, plan.Columnstore));
    }

    [Fact]
    public void A_configured_snapshot_table_must_have_its_date_column_and_it_must_be_a_date()
    {
        var options = new SqlServerPublishOptions { SnapshotTables = new() { ["fct_s"] = "run_date" } };

        var missing = Assert.Throws<PublishConfigurationException>(() => SchemaPlanner.Plan([Table("fct_s", 1, [], Text("x"))], options));
        var notADate = Assert.Throws<PublishConfigurationException>(() => SchemaPlanner.Plan([Table("fct_s", 1, [], Text("run_date"))], options));

        Assert.Contains("names 'run_date' as the date column of fct_s, which has no such column", missing.Message, StringComparison.Ordinal);
        Assert.Contains("fct_s.run_date is configured as a snapshot date", notADate.Message, StringComparison.Ordinal);
        // Configured but not in the warehouse (yet): nothing to check, nothing published.
        Assert.Single(SchemaPlanner.Plan([Table("fct_other", 1, [], Text("x"))], options));
    }
}
