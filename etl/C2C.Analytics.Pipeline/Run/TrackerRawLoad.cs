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
            return KeepNewestRows(connection, source.Records.Name, LandingOrder(landing, manifest, files));
        }

        return pages;
    }

    /// <summary>The files oldest first (<see cref="Landing.LandingOrder"/>); the run being loaded by its manifest's time.</summary>
    private static IEnumerable<string> LandingOrder(LandingArea landing, LandingManifest manifest, IEnumerable<(LandedFile File, string Path)> files) =>
        Landing.LandingOrder.OldestFirst(landing, manifest.Source, manifest.Entity, files, f => f.File.LandingRunId ?? manifest.RunId, f => f.File.Name,
            new Dictionary<string, DateTimeOffset> { [manifest.RunId] = manifest.ExtractedAt })
        .Select(f => f.Path);

    /// <summary>Rewrites the rows table so that each (sheet, row) is kept only from the newest page that has it; returns the rows kept.</summary>
    private static long KeepNewestRows(DuckDbConnection connection, string table, IEnumerable<string> filesOldestFirst)
    {
        EtlTables.Execute(connection, "CREATE OR REPLACE TEMP TABLE tracker_page_order (file_name VARCHAR NOT NULL, page_order INTEGER NOT NULL)");
        using (var appender = connection.CreateAppender("tracker_page_order"))
        {
            var order = 0;
            foreach (var path in filesOldestFirst)
            {
                appender.CreateRow().AppendValue(path).AppendValue(++order).EndRow();
            }
        }

        EtlTables.Execute(connection, $"""
            CREATE OR REPLACE TABLE {table} AS
            SELECT landed.*
            FROM {table} AS landed
            JOIN tracker_page_order AS page_order USING (file_name)
            QUALIFY page_order.page_order = max(page_order.page_order) OVER (PARTITION BY landed.sheet_id, landed.id)
            ORDER BY page_order.page_order, landed.row_index;
            DROP TABLE tracker_page_order;
            """);
        return RawLoader.CountRows(connection, table);
    }
}
