using System.Globalization;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Run;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sources.Smartsheet;

/// <summary>
/// The tracker from Smartsheet: every configured sheet, and every sheet of the configured workspaces and folders whose
/// columns match the template, landed as <c>smartsheet/tracker</c>. Incremental: each sheet continues from the state
/// of the run the warehouse last committed (<see cref="RunRequest.Committed"/>); the run's manifest lists the files
/// that together hold every sheet's current rows — this run's pages and, for a sheet read incrementally or not
/// changed, the pages earlier runs landed — so the staging models always see the whole tracker, and a deal that is no
/// longer in the tracker is not in the run's rows. The state this run reached is written beside the landing data and
/// used only once the run has committed.
/// </summary>
public sealed partial class SmartsheetSourceExtractor : ISourceExtractor, IReportsProgress
{
    public const string Source = "smartsheet";
    public const string Entity = "tracker";

    private readonly SmartsheetOptions _options;
    private readonly TrackerOptions _tracker;
    private readonly TimeProvider _clock;

    public SmartsheetSourceExtractor(SmartsheetOptions options, TrackerOptions tracker, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tracker);
        options.Validate();
        _options = options;
        _tracker = tracker;
        _clock = clock ?? TimeProvider.System;
    }

    public string Origin => "live";

    public event Action<string>? Progress;

    /// <summary>Requests the last extract sent (retries included).</summary>
    public int LastRequestCount { get; private set; }

    public async Task<IReadOnlyList<LandingManifest>> ExtractAsync(LandingArea landing, string runId, RunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(landing);
        ArgumentNullException.ThrowIfNull(request);
        using var client = new SmartsheetClient(_options, _clock);
        client.Progress += Report;
        try
        {
            var readAt = _clock.GetUtcNow();
            var previous = PreviousState(request);
            var sheets = await new SheetDiscovery(client, _options).DiscoverAsync(cancellationToken);
            Report(string.Create(CultureInfo.InvariantCulture,
                $"Smartsheet: {sheets.Count} sheet(s) to read{(previous is null ? ", all in full (no earlier state)" : "")}"));

            var batch = landing.Begin(Source, Entity, runId, Origin, new WatermarkRange(previous?.ReadAt, readAt), _clock);
            var reader = new SheetReader(client, batch, runId, _options, _tracker);
            reader.Progress += Report;
            var sync = new SheetSync(reader, batch, _options, landing, Report);
            var next = new SyncState { RunId = runId, ReadAt = readAt };
            foreach (var sheet in sheets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var state = await sync.SyncAsync(sheet, previous?.Sheets.Find(s => s.Id == sheet.Id), previous?.Skipped.Find(s => s.Id == sheet.Id),
                    request.FullRefresh, readAt, next.Skipped, cancellationToken);
                if (state is not null)
                {
                    next.Sheets.Add(state);
                }
            }

            // This run's pages are in the batch already; the earlier files a sheet still relies on are listed with them.
            foreach (var sheet in next.Sheets)
            {
                foreach (var (part, records) in SheetComposition.Effective(sheet.Parts).Where(e => e.Part.LandingRunId != runId))
                {
                    batch.Include(part.LandingRunId, part.File, records);
                }
            }

            SyncStateStore.Save(request.DataDirectory, next);
            var manifest = batch.Complete();
            Report(string.Create(CultureInfo.InvariantCulture,
                $"Smartsheet: {manifest.RecordCount} row(s) in {next.Sheets.Count} sheet(s), {next.Skipped.Count} skipped; {client.Requests} request(s)"));
            return [manifest];
        }
        finally
        {
            LastRequestCount = client.Requests;
        }
    }

    /// <summary>The state of the landing run whose tracker the warehouse holds (null: none, or it came from elsewhere).</summary>
    private SyncState? PreviousState(RunRequest request)
    {
        var committed = request.Committed.FirstOrDefault(c => c.Source == Source && c.Entity == Entity);
        return committed is null ? null : SyncStateStore.Load(request.DataDirectory, committed.LandingRunId);
    }

    private void Report(string message) => Progress?.Invoke(message);
}
