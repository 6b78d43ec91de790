using C2C.Analytics.SqlServer.Catalog;
using C2C.Analytics.SqlServer.Load;
using C2C.Analytics.SqlServer.Schema;
using C2C.Analytics.SqlServer.Tests.Support;
using Dapper;

namespace C2C.Analytics.SqlServer.Tests.Load;

public sealed class SourceValidationTests : IDisposable
{
    private readonly TestWarehouse _warehouse = TestWarehouse.Create();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void The_test_warehouse_as_built_is_valid() => Validate("dim_customer", "dim_region", "fct_sales", "fct_sales_snapshot", "mart_summary");

    [Fact]
    public void A_missing_key_is_reported_with_its_count()
    {
        _warehouse.Connection.Execute("INSERT INTO dim_customer VALUES (NULL, 'No id', 'EU', NULL, NULL, NULL), (NULL, 'No id either', 'EU', NULL, NULL, NULL)");

        var error = Assert.Throws<WarehouseCatalogException>(() => Validate("dim_customer"));

        Assert.Contains("2 row(s) have no value in the primary key (customer_id)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_over_its_declared_length_is_counted_in_utf16_code_units_as_nvarchar_counts_it()
    {
        // 'EU🦆' is 3 characters for DuckDB's length() but 4 UTF-16 code units (the duck is outside the BMP): over 3.
        _warehouse.Connection.Execute("UPDATE dim_customer SET region_code = 'EU🦆' WHERE customer_id = '0065g00000AbCdFAAV'");

        var error = Assert.Throws<WarehouseCatalogException>(() => Validate("dim_customer"));

        Assert.Contains("region_code holds a value 4 UTF-16 code units long, over its declared max length of 3", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("dim_customer cannot be published as declared (warehouse/models/core/dim_customer.sql)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_at_its_declared_length_passes()
    {
        _warehouse.Connection.Execute("UPDATE dim_customer SET region_code = 'ÉÜ€' WHERE customer_id = '0065g00000AbCdFAAV'");

        Validate("dim_customer");
    }

    [Fact]
    public void Not_a_number_and_infinity_are_refused_because_sql_server_cannot_store_them()
    {
        _warehouse.Connection.Execute("CREATE TABLE mart_ratio AS SELECT * FROM (VALUES (1.0::DOUBLE), ('NaN'::DOUBLE), ('inf'::DOUBLE)) AS t(ratio)");

        var error = Assert.Throws<WarehouseCatalogException>(() => Validate("mart_ratio"));

        Assert.Contains("ratio holds NaN or infinity on 2 row(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_snapshot_row_without_its_date_is_refused()
    {
        _warehouse.Connection.Execute("INSERT INTO fct_sales_snapshot VALUES (NULL, 'S9', 1)");

        var error = Assert.Throws<WarehouseCatalogException>(() => Validate("fct_sales_snapshot"));

        Assert.Contains("1 row(s) have no snapshot_date", error.Message, StringComparison.Ordinal);
    }

    private void Validate(params string[] names)
    {
        foreach (var source in WarehouseCatalog.Read(_warehouse.Connection, TestWarehouse.Models).Where(t => names.Contains(t.Name)))
        {
            SourceValidation.ThrowIfInvalid(_warehouse.Connection, source, SchemaPlanner.Plan(source, TestWarehouse.Options()));
        }
    }
}
