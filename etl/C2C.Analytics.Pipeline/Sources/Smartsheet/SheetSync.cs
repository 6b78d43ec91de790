using System.Globalization;
using C2C.Analytics.Pipeline.Landing;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Brings one sheet up to date from its state after the last committed run: a full read when there is none, when
/// <c>--full-refresh</c> asks, when the last full read is older than <see cref="SmartsheetOptions.FullReadIntervalDays"/>
/// or when a file it relied on is gone; otherwise the rows modified since the last read, merged over the files that
/// already hold the sheet. Deleted rows show only in a full read, so a read of changes that leaves the merged copy with
/// another row count than the sheet's <c>totalRowCount</c> is followed by a full read at once.
/// </summary>
internal sealed class SheetSync(SheetReader reader, LandingBatch batch, SmartsheetOptions options, LandingArea landing, Action<string> report)
{
    /// <summary>The sheet's new state, or null when it is skipped (recorded in <paramref name="skipped"/>).</summary>
    public async Task<SheetSyncState?> SyncAsync(SheetRef sheet, SheetSyncState? previous, SkippedSheet? wasSkipped,
        bool fullRefresh, DateTimeOffset readAt, List<SkippedSheet> skipped, CancellationToken cancellationToken)
    {
        var fullReadDue = previous is null || fullRefresh
            || readAt - previous.FullReadAt >= TimeSpan.FromDays(options.FullReadIntervalDays)
            || previous.Parts.Any(p => !File.Exists(PartPath(p)));
        if (!fullReadDue)
        {
            var since = previous!.ReadAt - TimeSpan.FromMinutes(options.ModifiedSinceOverlapMinutes);
            var changes = await reader.ReadChangesAsync(sheet, previous.Version, since, cancellationToken);
            if (changes.Kind == SheetReadKind.Unchanged)
            {
                report($"{sheet.Subject}: unchanged (version {changes.Version})");
                return Next(sheet, previous.Version, previous.Name, readAt, previous.FullReadAt, previous.Parts);
            }

            var merged = previous.Parts.Concat(changes.Parts).ToList();
            if (changes.TotalRowCount == SheetComposition.RowCount(merged))
            {
                report(string.Create(CultureInfo.InvariantCulture,
                    $"{sheet.Subject}: {changes.Parts[0].RowIds.Count} row(s) modified since {since:yyyy-MM-dd HH:mm} UTC (version {previous.Version} → {changes.Version})"));
                return Next(sheet, changes.Version, changes.Name ?? previous.Name, readAt, previous.FullReadAt, merged);
            }

            // Rows were deleted (or the counts cannot be trusted): only a full read can tell which.
            foreach (var part in changes.Parts)
            {
                batch.Discard(part.File.Name);
            }

            report($"{sheet.Subject}: its row count no longer adds up ({changes.TotalRowCount} in the sheet), so it is read in full");
        }

        var full = await reader.ReadFullAsync(sheet, previous is null && !fullRefresh ? wasSkipped?.Version : null, cancellationToken);
        switch (full.Kind)
        {
            case SheetReadKind.Unchanged:
                // Only a skipped sheet is asked with ifVersionAfter on a full read: still the version that did not match.
                skipped.Add(wasSkipped!);
                report($"{sheet.Subject}: skipped, unchanged since its columns did not match the template (missing: {string.Join(", ", wasSkipped!.MissingColumns)})");
                return null;
            case SheetReadKind.NotTemplate:
                skipped.Add(new SkippedSheet(sheet.Id, full.Name ?? sheet.Name, full.Version, full.MissingColumns));
                report($"{sheet.Subject}: skipped, its columns do not match the template (missing: {string.Join(", ", full.MissingColumns)})");
                return null;
        }

        var gone = previous is null ? 0 : SheetComposition.Gone(previous.Parts, full.Parts);
        report(string.Create(CultureInfo.InvariantCulture,
            $"{sheet.Subject}: {full.TotalRowCount} row(s) in {full.Parts.Count} page(s), read in full (version {full.Version})")
            + (gone > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {gone} row(s) deleted since the last read") : ""));
        return Next(sheet, full.Version, full.Name ?? previous?.Name, readAt, readAt, full.Parts);
    }

    private string PartPath(SheetPart part) =>
        Path.Combine(landing.Folder("smartsheet", "tracker", part.LandingRunId), part.File.Name);

    private static SheetSyncState Next(SheetRef sheet, long version, string? name, DateTimeOffset readAt, DateTimeOffset fullReadAt, IReadOnlyList<SheetPart> parts) => new()
    {
        Id = sheet.Id,
        Name = name ?? sheet.Name,
        Version = version,
        ReadAt = readAt,
        FullReadAt = fullReadAt,
        Parts = SheetComposition.Effective(parts).Select(e => e.Part).ToList(),
    };
}
