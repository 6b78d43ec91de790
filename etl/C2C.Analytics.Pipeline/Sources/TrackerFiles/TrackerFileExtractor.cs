using System.Globalization;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>
/// The tracker handed over as a CSV or XLSX export (<c>c2c run --tracker-file</c>, or <c>Tracker:Export:Path</c>): the
/// file itself is landed, byte for byte, as the run's <c>smartsheet/tracker</c> (origin <c>file</c>), with its record
/// count; the raw load reads it through the same mapping, checks and rejects as a sheet. The file is read once here,
/// so that one that cannot be read as a table fails the run before anything is loaded, naming file and row.
/// </summary>
public sealed partial class TrackerFileExtractor(TrackerOptions tracker) : ISourceExtractor, IReportsProgress
{
    public string Origin => "file";

    public event Action<string>? Progress;

    public async Task<IReadOnlyList<LandingManifest>> ExtractAsync(LandingArea landing, string runId, RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(landing);
        var path = tracker.Export.Path ?? throw new InvalidOperationException("No tracker export is configured (Tracker:Export:Path).");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Tracker export '{path}' does not exist.", path);
        }

        if (!TrackerTable.IsExport(path))
        {
            throw new TrackerFileException($"Tracker export '{path}': only .csv and .xlsx files can be read.");
        }

        // Read once into memory: what is counted is exactly what is landed, even if the file changes meanwhile.
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        long rows;
        using (var stream = new MemoryStream(content, writable: false))
        {
            rows = TrackerTable.CountRows(stream, Path.GetFileName(path), tracker.Export.Worksheet);
        }

        var watermark = new WatermarkRange(null, new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero));
        var batch = landing.Begin("smartsheet", "tracker", runId, Origin, watermark);
        batch.Write(LandedName(path), content, rows);
        var manifest = batch.Complete();
        Progress?.Invoke(string.Create(CultureInfo.InvariantCulture, $"Tracker export {Path.GetFileName(path)}: {rows} row(s), {content.Length:N0} bytes landed"));
        return [manifest];
    }

    /// <summary>The file's name as a landing name: letters, digits, '-', '_' and '.' kept, anything else '_'; the extension lower case.</summary>
    internal static string LandedName(string path)
    {
        var stem = new string(Path.GetFileNameWithoutExtension(path).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return (stem.Length == 0 ? "tracker" : stem) + Path.GetExtension(path).ToLowerInvariant();
    }
}
