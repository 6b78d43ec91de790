using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Sources.Salesforce;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// Loads a Salesforce raw table (<c>raw_salesforce__opportunities</c>, <c>…_opportunity_history</c>, a record per row) from the run's
/// manifest, whichever way the pages arrived: <c>/query</c> JSON as landed, Bulk API 2.0 CSV read into the same shape
/// (<see cref="BulkCsvPages"/>; <c>file_name</c> still names the landed CSV). When the manifest also lists pages of
/// earlier runs (an incremental read), only the records <see cref="SalesforceComposition"/> keeps remain, so that
/// staging sees every record once from its newest read, and this run's reads as they came.
/// </summary>
internal static class SalesforceRawLoad
{
    public static long Load(DuckDbConnection connection, LandingArea landing, RawSource source, LandingManifest? manifest)
    {
        if (manifest is null)
        {
            return RawLoader.Load(connection, source, []);
        }

        var files = RawPages.Existing(landing, manifest, $"Salesforce {manifest.Entity}", "Run again with --full-refresh to read Salesforce anew.");
        using var work = new WorkDirectory("c2c-salesforce-");
        var pages = RawPages.Load(connection, source, SalesforceComposition.Loadable(files.Select(f => f.Path), work));
        if (manifest.Files.Any(f => f.LandingRunId is not null))
        {
            RawPages.WriteFileOrder(connection, landing, manifest, files);
            EtlTables.Execute(connection, $"""
                CREATE OR REPLACE TABLE {source.Records.Name} AS
                SELECT file_name, record_index, record
                FROM ({SalesforceComposition.KeptRecords($"SELECT * FROM {source.Records.Name}")})
                ORDER BY file_order, record_index;
                DROP TABLE {RawPages.FileOrderTable};
                """);
            return RawLoader.CountRows(connection, source.Records.Name);
        }

        return pages;
    }
}
