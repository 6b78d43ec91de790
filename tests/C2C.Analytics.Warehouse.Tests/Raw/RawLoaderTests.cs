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
    public void A_smartsheet_page_loads_as_one_page_row_and_a_row_per_sheet_row_with_typed_columns_and_raw_cell_values()
    {
        using var connection = Open();
        var rows = RawLoader.Load(connection, RawSource.SmartsheetSheets, [Fixture("get_sheet.json")]);

        // The fixture is one page of sheet 4583173393803140 with 9 columns and rows 1, 2, 3 (ids 2000000000000001..3).
        Assert.Equal(3, rows);
        Assert.Equal(4583173393803140L, connection.ExecuteScalar<long>("SELECT id FROM raw_smartsheet__sheet_pages"));
        Assert.Equal(9, connection.ExecuteScalar<int>("SELECT len(columns) FROM raw_smartsheet__sheet_pages"));
        Assert.Equal(
            [(4583173393803140L, 1L, 2000000000000001L, 1), (4583173393803140L, 2L, 2000000000000002L, 2), (4583173393803140L, 3L, 2000000000000003L, 3)],
            connection.Query<(long, long, long, int)>("SELECT sheet_id, row_index, id, rowNumber FROM raw_smartsheet__sheet_rows ORDER BY row_index"));
        // Row 1's contract value is the JSON number 125000 with display value "$125,000.00" (see the fixture).
        var cell = connection.QuerySingle<(string Value, string Display)>("""
            SELECT c."value"::VARCHAR, c.displayValue
            FROM raw_smartsheet__sheet_rows AS r, unnest(r.cells) AS t(c)
            WHERE r.rowNumber = 1 AND c.columnId = 1000000000000006
            """);
        Assert.Equal(("125000", "$125,000.00"), cell);
        Assert.EndsWith("get_sheet.json", connection.ExecuteScalar<string>("SELECT file_name FROM raw_smartsheet__sheet_pages"));
        Assert.EndsWith("get_sheet.json", connection.ExecuteScalar<string>("SELECT DISTINCT file_name FROM raw_smartsheet__sheet_rows"));
    }

    [Fact]
    public void Salesforce_query_pages_load_a_row_per_record_kept_as_json_with_its_file_and_position()
    {
        using var connection = Open();
        var rows = RawLoader.Load(connection, RawSource.SalesforceOpportunities,
            [Fixture("query_opportunity_page1.json"), Fixture("query_opportunity_page2_last.json")]);

        // Page 1 holds ...EYAV and ...FYAV, page 2 ...GYAV.
        Assert.Equal(3, rows);
        Assert.Equal(
            [("query_opportunity_page1.json", 1L, "006RO00000AbCdEYAV"), ("query_opportunity_page1.json", 2L, "006RO00000AbCdFYAV"), ("query_opportunity_page2_last.json", 1L, "006RO00000AbCdGYAV")],
            connection.Query<(string, long, string)>(
                "SELECT parse_filename(file_name), record_index, record->>'Id' FROM raw_salesforce__opportunities ORDER BY file_name, record_index"));
        Assert.Equal("Acme Corp", connection.ExecuteScalar<string>(
            "SELECT record->>'$.Account.Name' FROM raw_salesforce__opportunities WHERE record->>'Id' = '006RO00000AbCdEYAV'"));
    }

    [Fact]
    public void A_source_with_no_files_gets_empty_tables_of_the_same_shape()
    {
        using var connection = Open();
        RawLoader.Load(connection, RawSource.SmartsheetSheets, [Fixture("get_sheet.json")]);
        var loadedColumns = Columns(connection);

        Assert.Equal(0, RawLoader.Load(connection, RawSource.SmartsheetSheets, []));
        Assert.Equal(loadedColumns, Columns(connection));
        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT count(*) FROM raw_smartsheet__sheet_pages"));
    }

    private static List<(string, string, string)> Columns(DuckDbConnection connection) => connection.Query<(string, string, string)>("""
        SELECT table_name, column_name, data_type FROM duckdb_columns()
        WHERE table_name IN ('raw_smartsheet__sheet_pages', 'raw_smartsheet__sheet_rows') ORDER BY table_name, column_index
        """).ToList();
}
