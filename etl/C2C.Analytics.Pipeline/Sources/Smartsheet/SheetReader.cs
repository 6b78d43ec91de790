using System.Globalization;
using System.Text.Json;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Reads one sheet with <c>GET /sheets/{id}</c> and lands every response body as it arrives. A full read asks for
/// pages of <see cref="SmartsheetOptions.PageSize"/> rows and stops when it holds <c>totalRowCount</c> rows (a page past
/// the end repeats the last one, so an empty page is never the signal); every page must carry the first page's
/// version, else the sheet changed under the read and it starts again. A read of changes asks, in one request, for the
/// rows modified since a time. Both send <c>ifVersionAfter</c> when the sheet's last version is known: an unchanged
/// sheet answers <c>{"version": N}</c> and nothing is landed. Cells come with <c>level=2&amp;include=objectValue</c>, so
/// multi-contact and multi-picklist cells carry their values (contacts' e-mails and names, hyperlinks come anyway), and
/// with <c>attachments</c> when a stage counts row attachments as evidence.
/// </summary>
internal sealed class SheetReader(SmartsheetClient client, LandingBatch batch, string runId, SmartsheetOptions options, TrackerOptions tracker)
{
    private const int Attempts = 3;

    public event Action<string>? Progress;

    /// <summary>Every row of the sheet. A discovered sheet whose first page lacks configured columns is not landed.</summary>
    public async Task<SheetReadResult> ReadFullAsync(SheetRef sheet, long? ifVersionAfter, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var parts = new List<SheetPart>();
            var seen = new HashSet<long>();
            long? version = null;
            long total = 0;
            string? name = null;
            var consistent = true;
            for (var page = 1; ; page++)
            {
                var url = Url(sheet.Id, page, page == 1 ? ifVersionAfter : null, null);
                var fileName = string.Create(CultureInfo.InvariantCulture, $"sheet-{sheet.Id}-page-{page:0000}.json");
                var (file, scan) = await FetchAsync(url, fileName, sheet, cancellationToken);
                if (scan.IsVersionOnly)
                {
                    batch.Discard(fileName);
                    return SheetReadResult.Unchanged(scan.Version!.Value);
                }

                if (page == 1)
                {
                    version = scan.Version;
                    total = scan.TotalRowCount ?? scan.RowIds.Count;
                    name = scan.Name;
                    var missing = TrackerColumnTitles.Missing(tracker, scan.Columns.Select(c => c.Title));
                    if (sheet.Discovered && missing.Count > 0)
                    {
                        batch.Discard(fileName);
                        return new SheetReadResult(SheetReadKind.NotTemplate, version ?? 0, name, total, [], missing);
                    }
                }

                parts.Add(new SheetPart { LandingRunId = runId, File = file, RowIds = scan.RowIds });
                consistent = scan.Version == version && scan.RowIds.All(seen.Add) && seen.Count <= total
                    && (scan.RowIds.Count > 0 || seen.Count == total);
                if (!consistent || seen.Count == total)
                {
                    break;
                }

                if (page > (total / options.PageSize) + 1)
                {
                    consistent = false;
                    break;
                }
            }

            if (consistent)
            {
                return new SheetReadResult(SheetReadKind.Full, version ?? 0, name, total, parts, []);
            }

            foreach (var part in parts)
            {
                batch.Discard(part.File.Name);
            }

            Progress?.Invoke($"{sheet.Subject}: changed while it was being read (attempt {attempt} of {Attempts}); reading it again");
        }

        throw new SheetChangedWhileReadingException(
            $"{sheet.Subject} changed while it was being read, {Attempts} times in a row: run again when it is not being edited in bulk.");
    }

    /// <summary>The rows modified since <paramref name="since"/>, unless the sheet is still at <paramref name="ifVersionAfter"/>.</summary>
    public async Task<SheetReadResult> ReadChangesAsync(SheetRef sheet, long ifVersionAfter, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var fileName = string.Create(CultureInfo.InvariantCulture, $"sheet-{sheet.Id}-changes.json");
        var (file, scan) = await FetchAsync(Url(sheet.Id, null, ifVersionAfter, since), fileName, sheet, cancellationToken);
        if (scan.IsVersionOnly)
        {
            batch.Discard(fileName);
            return SheetReadResult.Unchanged(scan.Version!.Value);
        }

        var missing = TrackerColumnTitles.Missing(tracker, scan.Columns.Select(c => c.Title));
        var part = new SheetPart { LandingRunId = runId, File = file, RowIds = scan.RowIds };
        return new SheetReadResult(SheetReadKind.Changes, scan.Version ?? 0, scan.Name, scan.TotalRowCount, [part], missing);
    }

    private string Url(long sheetId, int? page, long? ifVersionAfter, DateTimeOffset? modifiedSince)
    {
        // Row attachments' metadata comes in the same response when a stage counts them as evidence.
        var include = tracker.EffectiveStages.Any(s => s.EvidenceAttachment is not null) ? "objectValue,attachments" : "objectValue";
        var url = string.Create(CultureInfo.InvariantCulture, $"sheets/{sheetId}?level=2&include={include}");
        if (page is { } number)
        {
            url += string.Create(CultureInfo.InvariantCulture, $"&page={number}&pageSize={options.PageSize}");
        }

        if (ifVersionAfter is { } version)
        {
            url += string.Create(CultureInfo.InvariantCulture, $"&ifVersionAfter={version}");
        }

        if (modifiedSince is { } since)
        {
            url += "&rowsModifiedSince=" + Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        }

        return url;
    }

    private Task<(LandedFile File, SheetPageScanner Scan)> FetchAsync(string url, string fileName, SheetRef sheet, CancellationToken cancellationToken) =>
        client.GetAsync(url, sheet.Subject, async (body, token) =>
        {
            var scanner = new SheetPageScanner();
            try
            {
                var file = await batch.WriteAsync(fileName, new ScanningStream(body, scanner), () =>
                {
                    scanner.Complete();
                    return scanner.RowIds.Count;
                }, token);
                if (!scanner.IsVersionOnly && (scanner.Id != sheet.Id || scanner.Version is null || !scanner.HasColumns))
                {
                    throw new InvalidDataException($"{sheet.Subject}: the response to {url} is not that sheet (id {scanner.Id}, version {scanner.Version}).");
                }

                return (file, scanner);
            }
            catch (Exception e)
            {
                batch.Discard(fileName);
                if (e is JsonException json)
                {
                    throw new InvalidDataException($"{sheet.Subject}: the response to {url} is not a whole sheet: {json.Message}", json);
                }

                throw;
            }
        }, cancellationToken);
}
