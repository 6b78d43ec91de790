using C2C.Analytics.DuckDb;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Warehouse.Raw;

namespace C2C.Analytics.Pipeline.Run;

/// <summary>What the raw loads of composed sources share: every file a manifest lists must still be there, and pages converted for loading keep the landed file's name.</summary>
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
}
