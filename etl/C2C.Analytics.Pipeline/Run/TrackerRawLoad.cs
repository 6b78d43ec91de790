using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Sources.TrackerFiles;
using C2C.Analytics.Pipeline.Tracker;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>
/// Loads the tracker's raw tables, <c>raw_smartsheet__sheet_pages</c> and <c>raw_smartsheet__sheet_rows</c>, from the
/// run's <c>smartsheet/tracker</c> manifest, whichever way the tracker arrived:
/// <list type="bullet">
/// <item>Smartsheet pages, loaded as landed. When the manifest also lists pages of earlier runs (an incremental read),
/// a row that is in several of them is kept from the newest only (by landing run, then file name), so the staging
/// models see each sheet's current rows once: the merge of the last full read with the changes since. Every page
/// stays in the pages table.</item>
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

        var files = manifest.Files.Select(f => (File: f, Path: landing.FilePath(manifest, f))).ToList();
        foreach (var (file, path) in files.Where(f => !System.IO.File.Exists(f.Path)))
        {
            throw new FileNotFoundException(
                $"The tracker of landing run {manifest.RunId} includes '{file.Name}' of run {file.LandingRunId ?? manifest.RunId}, which is no longer at {path}. " +
                "Run again with --full-refresh to read every sheet anew.", path);
        }

        var work = Path.Combine(Path.GetTempPath(), "c2c-tracker-" + Guid.NewGuid().ToString("N"));
        try
        {
            var loaded = new List<(string Landed, string Loaded)>();
            foreach (var (_, path) in files)
            {
                if (TrackerFilePages.IsExport(path))
                {
                    Directory.CreateDirectory(work);
                    loaded.Add((path, TrackerFilePages.Convert(path, work, tracker)));
                }
                else
                {
                    loaded.Add((path, path));
                }
            }

            var rows = RawLoader.Load(connection, source, loaded.Select(l => l.Loaded).ToList());
            foreach (var (landed, converted) in loaded.Where(l => l.Landed != l.Loaded))
            {
                foreach (var table in source.Tables)
                {
                    EtlTables.Execute(connection, $"UPDATE {table.Name} SET file_name = $landed WHERE file_name = $converted",
                        ("landed", landed), ("converted", converted));
                }
            }

            if (manifest.Files.Any(f => f.LandingRunId is not null))
            {
                rows = KeepNewestRows(connection, source.Records.Name, LandingOrder(landing, manifest, files));
            }

            return rows;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>
    /// The files oldest first: by when their landing run's extract finished (its manifest's extracted_at; run ids of
    /// one second need not sort in time), then run id, then name (page order within a read).
    /// </summary>
    private static IEnumerable<string> LandingOrder(LandingArea landing, LandingManifest manifest, IEnumerable<(LandedFile File, string Path)> files)
    {
        var extractedAt = new Dictionary<string, DateTimeOffset> { [manifest.RunId] = manifest.ExtractedAt };
        DateTimeOffset When(string runId)
        {
            if (!extractedAt.TryGetValue(runId, out var at))
            {
                at = landing.ReadManifest(manifest.Source, manifest.Entity, runId)?.ExtractedAt ?? DateTimeOffset.MinValue;
                extractedAt[runId] = at;
            }

            return at;
        }

        return files
            .Select(f => (RunId: f.File.LandingRunId ?? manifest.RunId, f.File.Name, f.Path))
            .OrderBy(f => When(f.RunId))
            .ThenBy(f => f.RunId, StringComparer.Ordinal)
            .ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => f.Path)
            .ToList();
    }

    /// <summary>Rewrites the rows table so that each (sheet, row) is kept only from the newest page that has it.</summary>
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
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
