using C2C.Analytics.Pipeline.Run;

namespace C2C.Analytics.Pipeline.Sources.TrackerFiles;

/// <summary>The tracker export's check for <c>c2c validate</c>: the file is there, and reads as a table.</summary>
public sealed partial class TrackerFileExtractor : ISourceCheck
{
    /// <summary>Any failure to read the file is the check's answer, not an error of the check.</summary>
    public async Task<SourceCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        var path = tracker.Export.Path ?? "";
        try
        {
            if (!TrackerTable.IsExport(path))
            {
                return new SourceCheckResult("tracker file", false, $"{path}: only .csv and .xlsx files can be read.");
            }

            var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            using var stream = new MemoryStream(content, writable: false);
            var rows = TrackerTable.CountRows(stream, Path.GetFileName(path), tracker.Export.Worksheet);
            return new SourceCheckResult("tracker file", true, $"{path}: {rows:N0} row(s)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new SourceCheckResult("tracker file", false, $"{path}: {e.Message}");
        }
    }
}
