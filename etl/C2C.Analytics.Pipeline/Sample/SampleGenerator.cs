using System.Buffers;
using System.Runtime.CompilerServices;
using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Landing;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// The built-in sample sources: lands, under one run id, what Salesforce and Smartsheet would have sent for a
/// Contract-to-Cash business — <c>salesforce/opportunities</c> and <c>salesforce/opportunity_history</c> as
/// <c>/query</c> response pages, <c>smartsheet/tracker</c> as <c>GET /sheets/{id}</c> pages of one sheet per region —
/// so that the sample runs through the same staging as live data. Deterministic: the same options (seed, as-of date,
/// engagements, tracker and calendar configuration) give byte-identical page files. Pages are written one at a time
/// from a reused buffer; only the model (not the JSON) is held in memory.
/// </summary>
public sealed class SampleGenerator
{
    /// <summary>The <c>origin</c> recorded in the landing manifests.</summary>
    public const string Origin = "sample";

    private readonly SampleOptions _options;
    private readonly BusinessCalendar _calendar;
    private readonly IReadOnlyList<ResolvedStage> _stages;

    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public SampleGenerator(SampleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _calendar = options.Calendar ?? BusinessCalendar.FromOptions(new CalendarOptions());
        _stages = Resolve(options.Tracker.EffectiveStages);
    }

    public SampleResult Generate(LandingArea landing, string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(landing);
        var texts = new StatusTexts(_options.Tracker);
        var layout = new TrackerLayout(_options.Tracker, _stages);
        var watermark = new WatermarkRange(null, _options.AsOf.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
        var world = SampleWorld.Build(_options, _calendar, layout.OwnerRoles);
        cancellationToken.ThrowIfCancellationRequested();

        // Two independent halves, each with its own random stream, so running them side by side changes no byte:
        // the Salesforce pages on a worker thread; the engagements, the tracker plan and the sheet pages here.
        var salesforce = Task.Run(() => WriteSalesforce(landing, runId, watermark, world.Opportunities, cancellationToken), cancellationToken);
        try
        {
            var engagements = world.BuildEngagements(_options, _calendar, layout, texts);
            cancellationToken.ThrowIfCancellationRequested();
            var plan = new TrackerSheetPlanner(_options, layout, texts, _calendar).Plan(engagements);
            cancellationToken.ThrowIfCancellationRequested();

            var sheetWriter = new SmartsheetSheetWriter(new ArrayBufferWriter<byte>(1 << 20), _options.SheetPageSize, new TrackerCellWriter(SampleVocabulary.Regions, [.. _stages.Select(st => st.Definition.Key)]));
            var batch = landing.Begin("smartsheet", "tracker", runId, Origin, watermark);
            var sheets = new List<SampleSheet>(plan.Sheets.Count);
            foreach (var sheet in plan.Sheets)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sheets.Add(new SampleSheet(sheet.Id, sheet.Name, sheet.Rows.Count, sheetWriter.Write(batch, sheet)));
            }

            var tracker = batch.Complete();
            var (opportunities, history, historyRecords) = salesforce.GetAwaiter().GetResult();
            var violations = engagements
                .Where(e => e.GateViolationStage >= 0)
                .Select(e => new PlantedGateViolation(e.Opportunity.Id, _stages[e.GateViolationStage].Definition.Key))
                .ToList();
            return new SampleResult(runId, [opportunities, history, tracker], engagements.Count, world.Opportunities.Count, historyRecords,
                sheets, plan.Problems, violations, plan.Markup);
        }
        finally
        {
            // Never leave the worker writing after this method returns or throws.
            ((IAsyncResult)salesforce).AsyncWaitHandle.WaitOne();
        }
    }

    private (LandingManifest Opportunities, LandingManifest History, int HistoryRecords) WriteSalesforce(
        LandingArea landing, string runId, WatermarkRange watermark, IReadOnlyList<SampleOpportunity> opportunities, CancellationToken cancellationToken)
    {
        var ids = new SampleRandom(_options.Seed, 5);
        var pages = new SalesforceQueryPageWriter(new ArrayBufferWriter<byte>(1 << 20), _options.SalesforcePageSize);
        var batch = landing.Begin("salesforce", "opportunities", runId, Origin, watermark);
        pages.WriteAll(batch, "opportunities", new SalesforceIdGenerator("01g", ids).Next(), opportunities.Count,
            (writer, i) => SalesforceRecordWriter.WriteOpportunity(writer, opportunities[i]), cancellationToken);
        var opportunityManifest = batch.Complete();

        var changes = HistoryInQueryOrder(opportunities);
        var historyIds = new SalesforceIdGenerator("008", ids);
        batch = landing.Begin("salesforce", "opportunity_history", runId, Origin, watermark);
        pages.WriteAll(batch, "opportunity_history", new SalesforceIdGenerator("01g", ids).Next(), changes.Length,
            (writer, i) => SalesforceRecordWriter.WriteHistory(writer, historyIds.Next(), changes[i].Opportunity, changes[i].Step), cancellationToken);
        return (opportunityManifest, batch.Complete(), changes.Length);
    }

    /// <summary>
    /// The stages with their prerequisites (null: the previous stage), as <see cref="TrackerOptionsValidator"/> resolves
    /// them. The sample does not reject a configuration itself — the run validates it at start — so a sample can be
    /// made for any catalog: a prerequisite that names no stage is ignored, a cycle leaves its stages waiting.
    /// </summary>
    private static List<ResolvedStage> Resolve(IReadOnlyList<StageDefinition> stages)
    {
        var keys = stages.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        return [.. stages.Select((stage, i) => new ResolvedStage(stage, i + 1,
            (stage.Prerequisites ?? (i == 0 ? [] : [stages[i - 1].Key])).Where(keys.Contains).Distinct(StringComparer.Ordinal).ToList()))];
    }

    /// <summary>Every history record, ordered as <c>ORDER BY SystemModstamp, Id</c> returns them (IDs are issued in that order).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (SampleOpportunity Opportunity, int Step)[] HistoryInQueryOrder(IReadOnlyList<SampleOpportunity> opportunities)
    {
        var changes = new (SampleOpportunity Opportunity, int Step)[opportunities.Sum(o => o.History.Length)];
        var keys = new long[changes.Length];
        var n = 0;
        foreach (var opportunity in opportunities)
        {
            for (var step = 0; step < opportunity.History.Length; step++)
            {
                // Whole seconds (what the API shows) then the step: an opportunity's changes stay in order even when
                // two share a second.
                keys[n] = (opportunity.History[step].At.Ticks / TimeSpan.TicksPerSecond * 16) + step;
                changes[n++] = (opportunity, step);
            }
        }

        // Ties between opportunities keep a fixed (if arbitrary) order: the sort is deterministic for its input.
        var order = new int[changes.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(keys, order);
        return [.. order.Select(i => changes[i])];
    }
}
