namespace C2C.Analytics.Warehouse.Raw;

/// <summary>
/// One raw table: the landed pages of one source entity, one row per page file, typed by DuckDB's JSON reader.
/// Values whose type varies (a Smartsheet cell's value, a Salesforce record) stay JSON so that nothing is rounded or
/// guessed before staging casts it.
/// </summary>
public sealed record RawSource(string Source, string Entity, string Table, string Columns)
{
    public static readonly RawSource SmartsheetSheets = new(
        "smartsheet",
        "tracker",
        "raw_smartsheet__sheet_pages",
        """
        {
            id: 'BIGINT', name: 'VARCHAR', version: 'BIGINT', totalRowCount: 'BIGINT',
            columns: 'STRUCT(id BIGINT, "index" INTEGER, title VARCHAR, "type" VARCHAR)[]',
            rows: 'STRUCT(id BIGINT, rowNumber INTEGER, modifiedAt VARCHAR,
                          cells STRUCT(columnId BIGINT, "value" JSON, displayValue VARCHAR, formula VARCHAR,
                                       hyperlink STRUCT(url VARCHAR), objectValue JSON)[],
                          attachments STRUCT(id BIGINT, "name" VARCHAR, attachmentType VARCHAR, parentType VARCHAR)[])[]'
        }
        """);

    public static readonly RawSource SalesforceOpportunities = new(
        "salesforce", "opportunities", "raw_salesforce__opportunity_pages", QueryPage);

    public static readonly RawSource SalesforceOpportunityHistory = new(
        "salesforce", "opportunity_history", "raw_salesforce__opportunity_history_pages", QueryPage);

    public static IReadOnlyList<RawSource> All { get; } = [SmartsheetSheets, SalesforceOpportunities, SalesforceOpportunityHistory];

    /// <summary>The body of a Salesforce <c>/query</c> response.</summary>
    private const string QueryPage = "{ totalSize: 'BIGINT', done: 'BOOLEAN', nextRecordsUrl: 'VARCHAR', records: 'JSON[]' }";
}
