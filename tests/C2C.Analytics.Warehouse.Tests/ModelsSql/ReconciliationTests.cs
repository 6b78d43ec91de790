using C2C.Analytics.Warehouse.Tests.ModelsSql.Support;

namespace C2C.Analytics.Warehouse.Tests.ModelsSql;

/// <summary>
/// Every landed record is loaded or rejected, never both, never neither: per source entity, records in the pages =
/// rows of the table it loads into + distinct rejected records, counted as the pipeline counts them
/// (etl/C2C.Analytics.Pipeline/Run/Reconciliation.cs).
/// </summary>
public class ReconciliationTests
{
    [Fact]
    public void Records_in_equal_loaded_plus_rejected_for_every_source()
    {
        using var scenario = new ModelsScenario();
        scenario.Sheet(SamplePages.RowPerReason());
        // A second page of the same sheet: a new row, and row 106 landed again (a paging mistake): the copy is a record
        // of its own, so deal 006000000000006AAA is now on three records, all rejected.
        scenario.Sheet(new SheetPage(1, "North", TrackerTemplate.Titles)
            .Row(201, 17, ("Opportunity ID", "006000000000020"))
            .Row(106, 6, ("Opportunity ID", "006000000000006")));
        scenario.Opportunities(SamplePages.OpportunityPage1).Opportunities(SamplePages.OpportunityPage2).History(SamplePages.HistoryPage);

        using var connection = scenario.Build();

        Assert.Equal(
            [
                "smartsheet | tracker | 18 | 2 | 16",
                "salesforce | opportunities | 7 | 3 | 4",
                "salesforce | opportunity_history | 4 | 3 | 1",
            ],
            connection.Lines("""
                WITH extracted AS (
                    SELECT 'smartsheet' AS source, 'tracker' AS entity, count(*) AS records FROM raw_smartsheet__sheet_rows
                    UNION ALL
                    SELECT 'salesforce', 'opportunities', count(*) FROM raw_salesforce__opportunities
                    UNION ALL
                    SELECT 'salesforce', 'opportunity_history', count(*) FROM raw_salesforce__opportunity_history
                ),
                loaded AS (
                    SELECT 'tracker' AS entity, count(*) AS records FROM dim_engagement WHERE is_current AND is_loaded
                    UNION ALL
                    SELECT 'opportunities', count(*) FROM fct_opportunity
                    UNION ALL
                    SELECT 'opportunity_history', count(*) FROM fct_opportunity_stage_history
                ),
                rejected AS (
                    SELECT source, entity,
                           count(DISTINCT coalesce(file_name, '') || '#' || coalesce(row_id::VARCHAR, record_key, row_number::VARCHAR, '')) AS records
                    FROM int_rejects GROUP BY source, entity
                )
                SELECT extracted.source, extracted.entity, extracted.records, loaded.records, rejected.records
                FROM extracted JOIN loaded USING (entity) JOIN rejected USING (source, entity)
                ORDER BY extracted.source DESC, extracted.entity
                """));
        // And no record is both loaded and rejected.
        Assert.Equal(0, connection.Count("""
            SELECT * FROM dim_engagement AS e
            JOIN int_rejects AS r ON r.source = 'smartsheet' AND r.sheet_id = e.source_sheet_id AND r.row_id = e.source_row_id
            """));
    }
}
