using C2C.Analytics.Pipeline.PowerBi;

namespace C2C.Analytics.PowerBi.Tests.Generator;

/// <summary>DuckDB types to model types, as TMDL and Power Query name them (expected values from the TMDL reference).</summary>
public sealed class ModelColumnTypeTests
{
    [Theory]
    [InlineData("account", "VARCHAR", "string", "type text", null)]
    [InlineData("status", "ENUM('open', 'complete')", "string", "type text", null)]
    [InlineData("cycle_time_bd", "INTEGER", "int64", "Int64.Type", "#,0")]
    [InlineData("queue_rank", "BIGINT", "int64", "Int64.Type", "0")]
    [InlineData("date_key", "INTEGER", "int64", "Int64.Type", "0")]
    [InlineData("fiscal_year", "INTEGER", "int64", "Int64.Type", "0")]
    [InlineData("contract_value", "DECIMAL(18,2)", "decimal", "Currency.Type", "#,0.00")]
    [InlineData("rate", "DECIMAL(18,8)", "double", "type number", "#,0.0000")]
    [InlineData("dso_days", "DOUBLE", "double", "type number", "#,0.0")]
    [InlineData("is_stuck", "BOOLEAN", "boolean", "type logical", null)]
    [InlineData("completed_on", "DATE", "dateTime", "type date", "yyyy-mm-dd")]
    [InlineData("created_at", "TIMESTAMP", "dateTime", "type datetime", "yyyy-mm-dd hh:nn:ss")]
    [InlineData("seen_at", "TIMESTAMP WITH TIME ZONE", "dateTime", "type datetimezone", "yyyy-mm-dd hh:nn:ss")]
    public void A_DuckDB_type_maps_to_its_model_type_and_format(string column, string duckDbType, string dataType, string powerQueryType, string? format)
    {
        var type = ModelColumnType.From("t", column, duckDbType);

        Assert.NotNull(type);
        Assert.Equal((dataType, powerQueryType, format), (type.DataType, type.PowerQueryType, type.FormatString));
        Assert.Equal(duckDbType == "DATE", type.IsDate);
    }

    [Theory]
    [InlineData("VARCHAR[]")]
    [InlineData("INTEGER[]")]
    [InlineData("STRUCT(a INTEGER)")]
    [InlineData("MAP(VARCHAR, INTEGER)")]
    [InlineData("BLOB")]
    [InlineData("INTERVAL")]
    public void A_type_Power_BI_cannot_import_is_left_out(string duckDbType) => Assert.Null(ModelColumnType.From("t", "c", duckDbType));

    [Fact]
    public void An_unknown_type_is_an_error_naming_the_table_and_column()
    {
        var error = Assert.Throws<PowerBiModelException>(() => ModelColumnType.From("fct_x", "shape", "GEOMETRY"));

        Assert.Contains("fct_x.shape", error.Message, StringComparison.Ordinal);
        Assert.Contains("GEOMETRY", error.Message, StringComparison.Ordinal);
    }
}
