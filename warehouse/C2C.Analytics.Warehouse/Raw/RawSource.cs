namespace C2C.Analytics.Warehouse.Raw;

/// <summary>
/// The raw tables of one source entity: its landed page files read by DuckDB's JSON reader, one row per record
/// (a Salesforce record, a sheet row) with the file it came from and its 1-based position there, plus, for a sheet,
/// one row per page for what a page says about the sheet. Values whose type varies (a Smartsheet cell's value, a
/// Salesforce record) stay JSON so that nothing is rounded or guessed before staging casts it. The landed files stay
/// the record of what was sent; a record's file and position lead back to its bytes.
/// </summary>
/// <remarks>
/// A record per row, not a page per row: DuckDB splits a table's work by row groups of about 120,000 rows, so a table
/// of a few hundred pages, each holding thousands of records, is read by one thread however many records it holds,
/// and every model that unnests it holds whole pages in memory. Records unnested as the files are read (in parallel,
/// a file per thread) leave the staging models plain scans.
/// </remarks>
public sealed record RawSource(string Source, string Entity, IReadOnlyList<RawTable> Tables)
{
    public static readonly RawSource SmartsheetSheets = new("smartsheet", "tracker",
    [
        new RawTable(
            "raw_smartsheet__sheet_pages",
            """
            {
                id: 'BIGINT', name: 'VARCHAR', version: 'BIGINT', totalRowCount: 'BIGINT',
                columns: 'STRUCT(id BIGINT, "index" INTEGER, title VARCHAR, "type" VARCHAR)[]'
            }
            """,
            """SELECT id, name, version, totalRowCount, "columns", file_name FROM {0}"""),
        new RawTable(
            "raw_smartsheet__sheet_rows",
            """
            {
                id: 'BIGINT',
                rows: 'STRUCT(id BIGINT, rowNumber INTEGER, modifiedAt VARCHAR,
                              cells STRUCT(columnId BIGINT, "value" JSON, displayValue VARCHAR, formula VARCHAR,
                                           hyperlink STRUCT(url VARCHAR), objectValue JSON)[],
                              attachments STRUCT(id BIGINT, "name" VARCHAR, attachmentType VARCHAR, parentType VARCHAR)[])[]'
            }
            """,
            """
            SELECT file_name, sheet_id, row_index, sheet_row.id AS id, sheet_row.rowNumber AS rowNumber,
                sheet_row.modifiedAt AS modifiedAt, sheet_row.cells AS cells, sheet_row.attachments AS attachments
            FROM (SELECT file_name, id AS sheet_id, generate_subscripts(rows, 1) AS row_index, unnest(rows) AS sheet_row FROM {0})
            """),
    ]);

    public static readonly RawSource SalesforceOpportunities = new("salesforce", "opportunities", [QueryRecords("raw_salesforce__opportunities")]);

    public static readonly RawSource SalesforceOpportunityHistory = new(
        "salesforce", "opportunity_history", [QueryRecords("raw_salesforce__opportunity_history")]);

    public static IReadOnlyList<RawSource> All { get; } = [SmartsheetSheets, SalesforceOpportunities, SalesforceOpportunityHistory];

    /// <summary>The table of one row per record, the last of <see cref="Tables"/>: what the manifests count.</summary>
    public RawTable Records => Tables[^1];

    /// <summary>The records of Salesforce <c>/query</c> response bodies (the page's own fields are in its file).</summary>
    private static RawTable QueryRecords(string name) => new(
        name,
        "{ records: 'JSON[]' }",
        "SELECT file_name, generate_subscripts(records, 1) AS record_index, unnest(records) AS record FROM {0}");
}

/// <summary>
/// One raw table: <see cref="Columns"/> are what <c>read_json</c> reads from each page file (with its
/// <c>file_name</c>); <see cref="Select"/> shapes those pages, <c>{0}</c>, into the table's rows.
/// </summary>
public sealed record RawTable(string Name, string Columns, string Select);
