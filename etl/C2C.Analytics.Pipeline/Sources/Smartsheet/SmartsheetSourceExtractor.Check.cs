using System.Globalization;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// Smartsheet's check for <c>c2c validate</c> and <c>c2c sources test</c>: the token is accepted, every sheet the
/// configuration names or its workspaces and folders hold can be read, and each configured sheet has every column the
/// tracker mapping needs. One request per sheet, for its columns and one row (<c>pageSize=1</c>); nothing is landed.
/// </summary>
public sealed partial class SmartsheetSourceExtractor : ISourceCheck
{
    private const string CheckSource = "smartsheet";

    /// <summary>Any failure to reach or read a sheet is the check's answer, not an error of the check.</summary>
    public async Task<SourceCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var client = new SmartsheetClient(_options, _clock);
            var sheets = await new SheetDiscovery(client, _options).DiscoverAsync(cancellationToken).ConfigureAwait(false);
            if (sheets.Count == 0)
            {
                return new SourceCheckResult(CheckSource, false,
                    "no sheet to read: the configured workspaces and folders hold none, and Smartsheet:SheetIds names none.");
            }

            var problems = new List<string>();
            var notTemplate = 0;
            foreach (var sheet in sheets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (name, titles) = await client.GetAsync(
                    string.Create(CultureInfo.InvariantCulture, $"sheets/{sheet.Id}?page=1&pageSize=1"),
                    string.Create(CultureInfo.InvariantCulture, $"sheet {sheet.Id}"),
                    ReadColumnsAsync, cancellationToken).ConfigureAwait(false);
                var missing = TrackerColumnTitles.Missing(_tracker, titles);
                if (missing.Count == 0)
                {
                    continue;
                }

                if (sheet.Discovered)
                {
                    // A run skips a discovered sheet that is not the template; the check says how many, not why each.
                    notTemplate++;
                    continue;
                }

                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"sheet {sheet.Id} ('{name}') has no column {string.Join(", ", missing.Select(m => "'" + m + "'"))}"));
            }

            if (problems.Count > 0)
            {
                return new SourceCheckResult(CheckSource, false, string.Join("; ", problems) + ".");
            }

            var read = sheets.Count - notTemplate;
            return new SourceCheckResult(CheckSource, read > 0,
                string.Create(CultureInfo.InvariantCulture, $"{read} sheet(s) of the tracker template, every configured column found") +
                (notTemplate > 0 ? string.Create(CultureInfo.InvariantCulture, $"; {notTemplate} other sheet(s) in the workspaces and folders are not the template and are skipped") : "") +
                ".");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new SourceCheckResult(CheckSource, false, e.Message);
        }
    }

    /// <summary>The sheet's name and column titles, read by the same scanner a run reads its pages with.</summary>
    private static async Task<(string? Name, IReadOnlyList<string> Titles)> ReadColumnsAsync(Stream body, CancellationToken cancellationToken)
    {
        var scanner = new SheetPageScanner();
        await new ScanningStream(body, scanner).CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
        scanner.Complete();
        if (!scanner.HasColumns)
        {
            throw new InvalidDataException($"sheet '{scanner.Name}': the response has no 'columns' array.");
        }

        return (scanner.Name, scanner.Columns.Select(c => c.Title).ToList());
    }
}
