using C2C.Analytics.DuckDb;
using C2C.Analytics.SqlServer.Catalog;
using C2C.Analytics.SqlServer.Load;
using C2C.Analytics.SqlServer.Schema;
using Dapper;

namespace C2C.Analytics.SqlServer.Tests.Schema;

public sealed class TypeMappingTests
{
    [Theory]
    [InlineData("BOOLEAN", "BIT")]
    [InlineData("TINYINT", "SMALLINT")]   // DuckDB's TINYINT is signed, SQL Server's is 0..255
    [InlineData("SMALLINT", "SMALLINT")]
    [InlineData("INTEGER", "INT")]
    [InlineData("BIGINT", "BIGINT")]
    [InlineData("UTINYINT", "TINYINT")]
    [InlineData("USMALLINT", "INT")]
    [InlineData("UINTEGER", "BIGINT")]
    [InlineData("UBIGINT", "DECIMAL(20,0)")] // 18,446,744,073,709,551,615 has 20 digits
    [InlineData("HUGEINT", "DECIMAL(38,0)")]
    [InlineData("FLOAT", "REAL")]
    [InlineData("DOUBLE", "FLOAT")]
    [InlineData("VARCHAR", "NVARCHAR(MAX)")]
    [InlineData("BLOB", "VARBINARY(MAX)")]
    [InlineData("DATE", "DATE")]
    [InlineData("TIME", "TIME(6)")]
    [InlineData("TIMESTAMP", "DATETIME2(6)")]
    [InlineData("TIMESTAMP_S", "DATETIME2(0)")]
    [InlineData("TIMESTAMP_MS", "DATETIME2(3)")]
    [InlineData("TIMESTAMP_NS", "DATETIME2(7)")]
    [InlineData("TIMESTAMP WITH TIME ZONE", "DATETIMEOFFSET(6)")]
    [InlineData("UUID", "UNIQUEIDENTIFIER")]
    [InlineData("VARCHAR[]", "NVARCHAR(MAX)")]
    [InlineData("INTEGER[3]", "NVARCHAR(MAX)")]
    [InlineData("STRUCT(a INTEGER)", "NVARCHAR(MAX)")]
    [InlineData("MAP(VARCHAR, INTEGER)", "NVARCHAR(MAX)")]
    [InlineData("INTERVAL", "NVARCHAR(MAX)")]
    [InlineData("ENUM('a', 'b')", "NVARCHAR(MAX)")]
    public void Each_duckdb_type_maps_to_the_sql_server_type_that_holds_its_values(string duckDb, string sqlServer) =>
        Assert.Equal(sqlServer, TypeMapping.Map("t", new WarehouseColumn("c", duckDb, null, null, true, null)).Type.ToString());

    [Theory]
    [InlineData(18, "NVARCHAR(18)")]
    [InlineData(4000, "NVARCHAR(4000)")]
    [InlineData(4001, "NVARCHAR(MAX)")]
    public void Text_is_sized_by_its_declared_length(int declared, string expected) =>
        Assert.Equal(expected, TypeMapping.Map("t", new WarehouseColumn("c", "VARCHAR", null, null, true, declared)).Type.ToString());

    [Fact]
    public void Decimal_keeps_its_precision_and_scale_and_reads_the_column_as_it_is()
    {
        var mapping = TypeMapping.Map("t", new WarehouseColumn("amount", "DECIMAL(18,2)", 18, 2, true, null));

        Assert.Equal(("DECIMAL(18,2)", "\"amount\"", ValueConversion.None), (mapping.Type.ToString(), mapping.SourceExpression, mapping.Conversion));
    }

    [Fact]
    public void Types_needing_a_wider_type_or_text_are_cast_in_the_duckdb_query()
    {
        Assert.Equal("CAST(\"n\" AS DECIMAL(38,0))", TypeMapping.Map("t", new WarehouseColumn("n", "HUGEINT", 128, 0, true, null)).SourceExpression);
        Assert.Equal("CAST(\"l\" AS VARCHAR)", TypeMapping.Map("t", new WarehouseColumn("l", "VARCHAR[]", null, null, true, null)).SourceExpression);
        Assert.Equal("CAST(\"s\" AS SMALLINT)", TypeMapping.Map("t", new WarehouseColumn("s", "TINYINT", 8, 0, true, null)).SourceExpression);
    }

    [Fact]
    public void A_type_with_no_mapping_fails_naming_the_table_and_column()
    {
        var error = Assert.Throws<WarehouseCatalogException>(() => TypeMapping.Map("mart_x", new WarehouseColumn("odd", "GEOMETRY", null, null, true, null)));

        Assert.Contains("mart_x.odd has DuckDB type GEOMETRY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_read_through_the_mapping_are_the_clr_types_sqlclient_sends_for_each_sql_server_type()
    {
        using var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        connection.Execute("""
            CREATE TABLE fct_types AS SELECT
                true AS b, CAST(-5 AS TINYINT) AS ti, CAST(200 AS UTINYINT) AS uti, CAST(70000 AS UINTEGER) AS ui,
                CAST(18446744073709551615 AS UBIGINT) AS ub, CAST(12345678901234567890 AS HUGEINT) AS hi,
                CAST(1.5 AS FLOAT) AS f, 2.25::DOUBLE AS d, 123.45::DECIMAL(10,2) AS dec, 'text' AS s,
                DATE '2025-06-30' AS dt, TIME '13:45:30.25' AS tm, TIMESTAMP '2025-06-30 13:45:30.123456' AS ts,
                TIMESTAMPTZ '2025-06-30 13:45:30+00' AS tz, ['a', 'b'] AS list, INTERVAL 3 DAY AS iv,
                '6f1b5e3c-3c1e-4b7e-9a55-8c9f0e1d2a3b'::UUID AS id
            """);
        var table = WarehouseCatalog.Read(connection, null).Single();
        var target = SchemaPlanner.Plan(table, new SqlServerPublishOptions());

        using var rows = new BulkCopySource(connection.ExecuteReader(SourceQueries.Rows(target, fromDate: false)), target.Columns.Select(c => c.Conversion).ToList());
        Assert.True(rows.Read());
        var values = target.Columns.Select((c, i) => (c.Name, c.Type.ToString(), rows.GetValue(i))).ToList();

        Assert.Equal(
            [
                ("b", "BIT", (object)true),
                ("ti", "SMALLINT", (short)-5),
                ("uti", "TINYINT", (byte)200),
                ("ui", "BIGINT", 70000L),
                ("ub", "DECIMAL(20,0)", 18446744073709551615m),
                ("hi", "DECIMAL(38,0)", 12345678901234567890m),
                ("f", "REAL", 1.5f),
                ("d", "FLOAT", 2.25d),
                ("dec", "DECIMAL(10,2)", 123.45m),
                ("s", "NVARCHAR(MAX)", "text"),
                ("dt", "DATE", new DateTime(2025, 6, 30)),
                ("tm", "TIME(6)", new TimeSpan(0, 13, 45, 30, 250)),
                ("ts", "DATETIME2(6)", new DateTime(2025, 6, 30, 13, 45, 30).AddTicks(1234560)),
                ("tz", "DATETIMEOFFSET(6)", new DateTimeOffset(2025, 6, 30, 13, 45, 30, TimeSpan.Zero)),
                ("list", "NVARCHAR(MAX)", "[a, b]"),
                ("iv", "NVARCHAR(MAX)", "3 days"),
                ("id", "UNIQUEIDENTIFIER", Guid.Parse("6f1b5e3c-3c1e-4b7e-9a55-8c9f0e1d2a3b")),
            ],
            values);
        Assert.Equal(typeof(DateTime), rows.GetFieldType(10));
        Assert.False(rows.Read());
        Assert.Equal(1, rows.RowsRead);
    }
}
