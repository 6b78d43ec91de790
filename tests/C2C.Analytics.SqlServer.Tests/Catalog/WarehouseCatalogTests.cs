using C2C.Analytics.SqlServer.Catalog;
using C2C.Analytics.SqlServer.Tests.Support;
using C2C.Analytics.Warehouse.Models;
using Dapper;

namespace C2C.Analytics.SqlServer.Tests.Catalog;

public sealed class WarehouseCatalogTests : IDisposable
{
    private readonly TestWarehouse _warehouse = TestWarehouse.Create();

    public void Dispose() => _warehouse.Dispose();

    [Fact]
    public void Only_the_served_tables_are_read_with_their_columns_in_order_and_their_row_counts()
    {
        var tables = WarehouseCatalog.Read(_warehouse.Connection, TestWarehouse.Models);

        Assert.Equal(["dim_customer", "dim_region", "fct_sales", "fct_sales_snapshot", "mart_summary"], tables.Select(t => t.Name));
        Assert.Equal([3L, 3, 5, 8, 2], tables.Select(t => t.Rows));
        Assert.Equal(["customer_id", "customer_name", "region_code", "signed_on", "contract_value", "updated_at"], tables[0].Columns.Select(c => c.Name));
        Assert.Equal(("DECIMAL(18,2)", 18, 2), (tables[0].Columns[4].DataType, tables[0].Columns[4].Precision, tables[0].Columns[4].Scale));
    }

    [Fact]
    public void Keys_and_lengths_come_from_the_ddl_or_from_the_model_header()
    {
        var tables = WarehouseCatalog.Read(_warehouse.Connection, TestWarehouse.Models).ToDictionary(t => t.Name);

        // dim_region: PRIMARY KEY and CHECK (length(region_code) <= 3) in its DDL.
        Assert.Equal(["region_code"], tables["dim_region"].PrimaryKey);
        Assert.Equal((3, false), (tables["dim_region"].Columns[0].MaxLength, tables["dim_region"].Columns[0].IsNullable));
        Assert.Equal("the DDL of dim_region", tables["dim_region"].DeclaredIn);
        // dim_customer: a CREATE TABLE AS, declared by its model header.
        Assert.Equal(["customer_id"], tables["dim_customer"].PrimaryKey);
        Assert.Equal((18, false), (tables["dim_customer"].Columns[0].MaxLength, tables["dim_customer"].Columns[0].IsNullable));
        Assert.Equal(3, tables["dim_customer"].Find("region_code")!.MaxLength);
        Assert.Null(tables["dim_customer"].Find("customer_name")!.MaxLength);
        Assert.Equal("warehouse/models/core/dim_customer.sql", tables["dim_customer"].DeclaredIn);
        Assert.Empty(tables["fct_sales"].PrimaryKey);
    }

    [Fact]
    public void The_ddl_wins_over_a_model_header()
    {
        var models = ModelCatalog.FromModels([new SqlModel("dim_region", "core", "core/dim_region.sql", "SELECT 1", Materialization.Table, [], null)
        {
            PrimaryKey = ["region_name"],
            MaxLengths = new Dictionary<string, int> { ["region_code"] = 10, ["region_name"] = 40 },
        }]);

        var region = WarehouseCatalog.Read(_warehouse.Connection, models).Single(t => t.Name == "dim_region");

        Assert.Equal(["region_code"], region.PrimaryKey);
        Assert.Equal([3, 40], region.Columns.Select(c => c.MaxLength));
    }

    [Theory]
    [InlineData("nope", null, "the primary key names column 'nope', which dim_customer does not have")]
    [InlineData(null, "nope", "a max length is declared for column 'nope', which dim_customer does not have")]
    [InlineData(null, "signed_on", "a max length is declared for dim_customer.signed_on, which is DATE, not text")]
    public void A_declaration_that_does_not_fit_the_table_names_the_model_file(string? key, string? lengthColumn, string message)
    {
        var models = ModelCatalog.FromModels([new SqlModel("dim_customer", "core", "core/dim_customer.sql", "SELECT 1", Materialization.Table, [], null)
        {
            PrimaryKey = key is null ? [] : [key],
            MaxLengths = lengthColumn is null ? new Dictionary<string, int>() : new Dictionary<string, int> { [lengthColumn] = 5 },
        }]);

        var error = Assert.Throws<WarehouseCatalogException>(() => WarehouseCatalog.Read(_warehouse.Connection, models));

        Assert.Equal("warehouse/models/core/dim_customer.sql: " + message + ".", error.Message);
    }

    [Fact]
    public void A_quoted_column_in_a_length_check_is_read_too()
    {
        _warehouse.Connection.Execute("CREATE TABLE dim_odd (\"Odd \"\"Name\"\"\" VARCHAR CHECK (length(\"Odd \"\"Name\"\"\") < 11))");

        var odd = WarehouseCatalog.Read(_warehouse.Connection, null).Single(t => t.Name == "dim_odd");

        Assert.Equal(("Odd \"Name\"", 10), (odd.Columns[0].Name, odd.Columns[0].MaxLength));
    }

    [Theory]
    [InlineData("(length(deal_id) <= 18)", "deal_id", 18)]
    [InlineData("(length(deal_id) < 19)", "deal_id", 18)]
    [InlineData("(char_length(code) <= 3)", "code", 3)]
    [InlineData("(length(a) >= 2)", null, 0)]
    [InlineData("(amount > 0)", null, 0)]
    [InlineData("((length(a) <= 3) AND (length(b) <= 4))", null, 0)]
    public void Only_a_plain_length_limit_is_taken_as_a_declared_length(string expression, string? column, int length) =>
        Assert.Equal(column is null ? null : (column, length), WarehouseCatalog.LengthCheck(expression));
}
