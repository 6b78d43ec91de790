using C2C.Analytics.DuckDb;
using C2C.Analytics.Warehouse.Raw;
using Dapper;

namespace C2C.Analytics.Warehouse.Tests.Raw;

public class RawLoaderTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Raw", "Fixtures", name);

    private static DuckDbConnection Open()
    {
        var connection = new DuckDbConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    [Fact]
    public void A_smartsheet_page_loads_as_one_row_with_typed_columns_and_raw_cell_values()
    {
        using var connection = Open();
        var rows = RawLoader.Load(connection, RawSource.SmartsheetSheets, [Fixture("get_sheet.json")]);

        Assert.Equal(1, rows);
        Assert.Equal(4583173393803140L, connection.ExecuteScalar<long>("SELECT id FROM raw_smartsheet__sheet_pages"));
        Assert.Equal(9, connection.ExecuteScalar<int>("SELECT len(columns) FROM raw_smartsheet__sheet_pages"));
        // Row 1's contract value is the JSON number 125000 with display value "$125,000.00" (see the fixture).
        var cell = connection.QuerySingle<(string Value, string Display)>("""
            SELECT c."value"::VARCHAR, c.displayValue
            FROM (SELECT unnest(rows) AS r FROM raw_smartsheet__sheet_pages), unnest(r.cells) AS t(c)
            WHERE r.rowNumber = 1 AND c.columnId = 1000000000000006
            """);
        Assert.Equal(("125000", "$125,000.00"), cell);
        Assert.EndsWith("get_sheet.json", connection.ExecuteScalar<string>("SELECT file_name FROM raw_smartsheet__sheet_pages"));
    }

    [Fact]
    public void Salesforce_query_pages_keep_each_record_as_json()
    {
        using var connection = Open();
        var rows = RawLoader.Load(connection, RawSource.SalesforceOpportunities,
            [Fixture("query_opportunity_page1.json"), Fixture("query_opportunity_page2_last.json")]);

        Assert.Equal(2, rows);
        Assert.Equal(3L, connection.ExecuteScalar<long>("SELECT sum(len(records))::BIGINT FROM raw_salesforce__opportunity_pages"));
        Assert.Equal("Acme Corp", connection.ExecuteScalar<string>(
            "SELECT r->>'$.Account.Name' FROM raw_salesforce__opportunity_pages, unnest(records) AS t(r) WHERE r->>'Id' = '006RO00000AbCdEYAV'"));
    }

    [Fact]
    public void A_source_with_no_files_gets_an_empty_table_of_the_same_shape()
    {
        using var connection = Open();
        RawLoader.Load(connection, RawSource.SmartsheetSheets, [Fixture("get_sheet.json")]);
        var loadedColumns = connection.Query<(string, string)>(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'raw_smartsheet__sheet_pages' ORDER BY column_index").ToList();

        Assert.Equal(0, RawLoader.Load(connection, RawSource.SmartsheetSheets, []));
        var emptyColumns = connection.Query<(string, string)>(
            "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'raw_smartsheet__sheet_pages' ORDER BY column_index").ToList();
        Assert.Equal(loadedColumns, emptyColumns);
    }
}
