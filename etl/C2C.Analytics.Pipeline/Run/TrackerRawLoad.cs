using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Sources.TrackerFiles;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// Loads the tracker's raw tables, <c>raw_smartsheet__sheet_pages</c> (a row per page) and
/// <c>raw_smartsheet__sheet_rows</c> (a row per sheet row), from the run's <c>smartsheet/tracker</c> manifest, whichever
/// way the tracker arrived:
/// <list type="bullet">
/// <item>Smartsheet pages, loaded as landed. When the manifest also lists pages of earlier runs (an incremental read),
/// a row that is in several of them is kept from the newest only (by landing run, then file name), so the staging
/// models see each sheet's current rows once: the merge of the last full read with the changes since. Every page stays
/// in the pages table.</item>
/// <item>A CSV or XLSX export: read (<see cref="TrackerFilePages"/>) into the shape of a sheet page — its first row's
/// titles as columns, a row per record — so that it goes through the same mapping, checks and rejects. The page is a
/// working file; the landed export stays the record, and <c>file_name</c> names it.</item>
/// </list>
/// </summary>
internal static class TrackerRawLoad
{
    public static long Load(DuckDbConnection connection, LandingArea landing, LandingManifest? manifest, TrackerOptions tracker)
    {
        var source = RawSource.SmartsheetSheets;
        if (manifest is null)
        {
            return RawLoader.Load(connection, source, []);
        }

        var files = RawPages.Existing(landing, manifest, "The tracker", "Run again with --full-refresh to read every sheet anew.");
        using var work = new WorkDirectory("c2c-tracker-");
        var loaded = files.Select(f => (Landed: f.Path, Loaded: TrackerFilePages.IsExport(f.Path) ? TrackerFilePages.Convert(f.Path, work.Ensure(), tracker) : f.Path)).ToList();
        var pages = RawPages.Load(connection, source, loaded);
        if (manifest.Files.Any(f => f.LandingRunId is not null))
        {
            RawPages.WriteFileOrder(connection, landing, manifest, files);
            return KeepNewestRows(connection, source.Records.Name);
        }

        return pages;
    }

    /// <summary>Rewrites the rows table so that each (sheet, row) is kept only from the newest page (<see cref="RawPages.FileOrderTable"/>) that has it; returns the rows kept.</summary>
    private static long KeepNewestRows(DuckDbConnection connection, string table)
    {
        EtlTables.Execute(connection, $"""
            CREATE OR REPLACE TABLE {table} AS
            SELECT landed.*
            FROM {table} AS landed
            JOIN {RawPages.FileOrderTable} AS file_order USING (file_name)
            QUALIFY file_order.file_order = max(file_order.file_order) OVER (PARTITION BY landed.sheet_id, landed.id)
            ORDER BY file_order.file_order, landed.row_index;
            DROP TABLE {RawPages.FileOrderTable};
            """);
        return RawLoader.CountRows(connection, table);
    }
}
