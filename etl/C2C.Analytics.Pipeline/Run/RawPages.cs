using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>What the raw loads of composed sources share: every file a manifest lists must still be there, pages converted for loading keep the landed file's name, and the files' landing order for keeping each record's newest copy.</summary>
internal static class RawPages
{
    /// <summary>The manifest's files with their paths.</summary>
    /// <exception cref="FileNotFoundException">A file is gone; <paramref name="what"/> and <paramref name="remedy"/> say what it belonged to and what to do.</exception>
    public static IReadOnlyList<(LandedFile File, string Path)> Existing(LandingArea landing, LandingManifest manifest, string what, string remedy)
    {
        var files = manifest.Files.Select(f => (File: f, Path: landing.FilePath(manifest, f))).ToList();
        foreach (var (file, path) in files.Where(f => !File.Exists(f.Path)))
        {
            throw new FileNotFoundException(
                $"{what} of landing run {manifest.RunId} includes '{file.Name}' of run {file.LandingRunId ?? manifest.RunId}, which is no longer at {path}. {remedy}", path);
        }

        return files;
    }

    /// <summary>Loads the pages (some converted into working files) and names each row by the file that was landed.</summary>
    public static long Load(DuckDbConnection connection, RawSource source, IReadOnlyList<(string Landed, string Loaded)> pages)
    {
        var count = RawLoader.Load(connection, source, pages.Select(p => p.Loaded).ToList());
        foreach (var (landed, converted) in pages.Where(p => p.Landed != p.Loaded))
        {
            foreach (var table in source.Tables)
            {
                EtlTables.Execute(connection, $"UPDATE {table.Name} SET file_name = $landed WHERE file_name = $converted",
                    ("landed", landed), ("converted", converted));
            }
        }

        return count;
    }

    /// <summary>The temporary table <see cref="WriteFileOrder(DuckDbConnection, IEnumerable{ValueTuple{string, bool}})"/> fills.</summary>
    public const string FileOrderTable = "raw_file_order";

    /// <summary>
    /// Lists a composed manifest's files oldest first (<see cref="LandingOrder"/>; the run being loaded by its manifest's
    /// time) in <see cref="FileOrderTable"/>, each marked current when this run landed it.
    /// </summary>
    public static void WriteFileOrder(DuckDbConnection connection, LandingArea landing, LandingManifest manifest, IEnumerable<(LandedFile File, string Path)> files) =>
        WriteFileOrder(connection, LandingOrder.OldestFirst(landing, manifest.Source, manifest.Entity, files,
                f => f.File.LandingRunId ?? manifest.RunId, f => f.File.Name, new Dictionary<string, DateTimeOffset> { [manifest.RunId] = manifest.ExtractedAt })
            .Select(f => (f.Path, f.File.LandingRunId is null)));

    /// <summary>
    /// Fills <see cref="FileOrderTable"/> (a temporary table of the connection): file_name, file_order (1 for the oldest)
    /// and is_current, for files given oldest first.
    /// </summary>
    public static void WriteFileOrder(DuckDbConnection connection, IEnumerable<(string FileName, bool IsCurrent)> filesOldestFirst)
    {
        EtlTables.Execute(connection, $"CREATE OR REPLACE TEMP TABLE {FileOrderTable} (file_name VARCHAR NOT NULL, file_order INTEGER NOT NULL, is_current BOOLEAN NOT NULL)");
        using var appender = connection.CreateAppender(FileOrderTable);
        var order = 0;
        foreach (var (fileName, isCurrent) in filesOldestFirst)
        {
            appender.CreateRow().AppendValue(fileName).AppendValue(++order).AppendValue(isCurrent).EndRow();
        }
    }
}
