using System.Globalization;
using System.Runtime.CompilerServices;
using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Ids;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>The sheets of the sample tracker with their rows, and what was planted in them.</summary>
internal sealed record TrackerPlan(IReadOnlyList<TrackerSheet> Sheets, IReadOnlyList<PlantedProblem> Problems, PlantedMarkup Markup);

/// <summary>
/// Lays the engagements out as tracker rows, one sheet per region: about 10% of rows carry the 15-character ID (pasted
/// from a URL), the third sheet has an unmapped column, one note holds a script tag, and about 1% of rows are bad in
/// exactly one way each (<see cref="PlantedProblem"/>), spread over the sheets.
/// </summary>
internal sealed class TrackerSheetPlanner(SampleOptions options, TrackerLayout layout, StatusTexts texts, BusinessCalendar calendar)
{
    private enum Defect
    {
        MissingId,
        DuplicateId,
        ImpossibleDate,
        DateToBeDecided,
        UnknownStatus,
        FormulaError,
        CompletionAfterAsOf,
        InvalidId,
    }

    private readonly SampleRandom _random = new(options.Seed, 4);
    private readonly List<(TrackerRow Row, string Field, string Title, string Reason, string? Value)> _planted = [];
    private readonly HashSet<TrackerRow> _used = [];
    private readonly List<(TrackerSheet Sheet, int Position, TrackerRow Row)> _inserts = [];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TrackerPlan Plan(IReadOnlyList<SampleEngagement> engagements)
    {
        var sheets = SampleVocabulary.Regions.Select((region, i) => new TrackerSheet(
            _random.NextLong(1_000_000_000_000_000, 9_000_000_000_000_000),
            $"C2C Tracker — {region}",
            layout.ColumnsFor(i, _random, texts),
            "https://app.smartsheet.com/b/home?lx=" + Token(22))).ToList();
        foreach (var engagement in engagements)
        {
            var sheet = sheets[engagement.Region % sheets.Count];
            var id = engagement.Opportunity.Id;
            sheet.Rows.Add(new TrackerRow(engagement, engagement.Stages)
            {
                OpportunityIdText = _random.Chance(0.1) ? id[..15] : id,
                LegacyRef = engagement.Region == 2 && _random.Chance(0.3)
                    ? $"{_random.Pick(SampleVocabulary.LegacyPrefixes)}-{_random.Next(100_000):00000}"
                    : null,
            });
        }

        var markup = PlantMarkup(sheets);
        PlantDefects(sheets, engagements.Count);
        InsertCopies();
        foreach (var sheet in sheets)
        {
            Stamp(sheet);
        }

        var problems = _planted
            .Select(p => new PlantedProblem(p.Row.Sheet!.Id, p.Row.Sheet.Name, p.Row.RowId, p.Row.RowNumber, p.Row.Engagement.Opportunity.Id,
                p.Field, p.Title, p.Reason, p.Value))
            .OrderBy(p => p.SheetName, StringComparer.Ordinal).ThenBy(p => p.RowNumber)
            .ToList();
        return new TrackerPlan(sheets, problems,
            new PlantedMarkup(markup.Row.Sheet!.Id, markup.Row.RowId, markup.Row.Engagement.Opportunity.Id, markup.Title, SampleVocabulary.ScriptNote));
    }

    private (TrackerRow Row, string Title) PlantMarkup(List<TrackerSheet> sheets)
    {
        var sheet = sheets.First(s => s.Rows.Count > 0);
        var row = sheet.Rows[sheet.Rows.Count / 2];
        var stage = Enumerable.Range(0, layout.Stages.Count).First(i => layout.HasOwnColumn(SlotKind.StageNotes, i));
        row.Stages = (StageCell[])row.Stages.Clone();
        row.Stages[stage].Note = SampleVocabulary.ScriptNote;
        _used.Add(row);
        return (row, layout.TitleOf(SlotKind.StageNotes, stage)!);
    }

    private void PlantDefects(List<TrackerSheet> sheets, int engagements)
    {
        var kinds = Enum.GetValues<Defect>();
        var total = Math.Max(kinds.Length, (int)Math.Round(engagements * 0.01));
        var filled = sheets.Where(s => s.Rows.Count > 0).ToList();
        for (var k = 0; k < total && _used.Count + 2 <= engagements; k++)
        {
            var sheet = filled[k % filled.Count];
            var row = FreeRow(sheet) ?? filled.Select(FreeRow).FirstOrDefault(r => r is not null);
            if (row is null)
            {
                return;
            }

            _used.Add(row);
            if (!Plant(kinds[k % kinds.Length], row, sheets))
            {
                Plant(Defect.MissingId, row, sheets);
            }
        }
    }

    /// <summary>Puts the duplicated rows in their sheets (in one pass per sheet: a sheet can hold hundreds of thousands of rows).</summary>
    private void InsertCopies()
    {
        foreach (var group in _inserts.GroupBy(i => i.Sheet))
        {
            var sheet = group.Key;
            var copies = group.OrderBy(i => i.Position).ToList();
            var merged = new List<TrackerRow>(sheet.Rows.Count + copies.Count);
            var next = 0;
            for (var i = 0; i <= sheet.Rows.Count; i++)
            {
                while (next < copies.Count && copies[next].Position == i)
                {
                    merged.Add(copies[next++].Row);
                }

                if (i < sheet.Rows.Count)
                {
                    merged.Add(sheet.Rows[i]);
                }
            }

            sheet.Rows.Clear();
            sheet.Rows.AddRange(merged);
        }

        _inserts.Clear();
    }

    private TrackerRow? FreeRow(TrackerSheet sheet)
    {
        var start = _random.Next(sheet.Rows.Count);
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[(start + i) % sheet.Rows.Count];
            if (!_used.Contains(row))
            {
                return row;
            }
        }

        return null;
    }

    private bool Plant(Defect defect, TrackerRow row, List<TrackerSheet> sheets)
    {
        var engagement = row.Engagement;
        var id = engagement.Opportunity.Id;
        var idTitle = layout.TitleOf(SlotKind.OpportunityId, 0)!;
        switch (defect)
        {
            case Defect.MissingId:
                row.OpportunityIdText = null;
                return Add(row, "opportunity_id", idTitle, "missing_id", null);
            case Defect.InvalidId:
                // Re-cased after Salesforce issued it: the checksum no longer matches.
                var recased = id.ToLowerInvariant();
                row.OpportunityIdText = SalesforceId.IsValid(recased) ? id[..15] + "ZZZ" : recased;
                return Add(row, "opportunity_id", idTitle, "invalid_id", row.OpportunityIdText);
            case Defect.DuplicateId:
                var copy = new TrackerRow(engagement, engagement.Stages) { OpportunityIdText = row.OpportunityIdText!.Length == 18 ? id[..15] : id };
                var target = sheets[_random.Next(sheets.Count)];
                _inserts.Add((target, _random.Next(target.Rows.Count / 2, target.Rows.Count + 1), copy));
                _used.Add(copy);
                Add(row, "opportunity_id", idTitle, "duplicate_id", row.OpportunityIdText);
                return Add(copy, "opportunity_id", idTitle, "duplicate_id", copy.OpportunityIdText);
            case Defect.UnknownStatus:
                return Stage(row, i => layout.HasOwnColumn(SlotKind.StageStatus, i), prefer: i => row.Stages[i].Status is not null, (ref StageCell cell, int i) =>
                {
                    cell.StatusText = "Finished?";
                    return ("stage_status", SlotKind.StageStatus, "unknown_status", cell.StatusText);
                });
            case Defect.ImpossibleDate:
                return Stage(row, OwnDate, prefer: i => row.Stages[i].Date is not null, (ref StageCell cell, int i) =>
                {
                    cell.DateText = $"31/02/{(cell.Date ?? engagement.IntakeDate).Year}";
                    cell.Date = null;
                    return ("stage_date", SlotKind.StageDate, "unparseable_date", cell.DateText);
                });
            case Defect.DateToBeDecided:
                return Stage(row, OwnDate, prefer: i => row.Stages[i].Status == StageStatus.InProgress, (ref StageCell cell, int i) =>
                {
                    cell.DateText = "TBD";
                    cell.Date = null;
                    return ("stage_date", SlotKind.StageDate, "unparseable_date", cell.DateText);
                });
            case Defect.FormulaError:
                return Stage(row, i => i > 0 && OwnDate(i), prefer: _ => true, (ref StageCell cell, int i) =>
                {
                    var previous = layout.TitleOf(SlotKind.StageDate, i - 1) ?? layout.TitleOf(SlotKind.IntakeDate, 0);
                    cell.DateText = "#INVALID DATA TYPE";
                    cell.DateFormula = $"=WORKDAY([{previous}]@row, {layout.Stages[i].Definition.SlaBusinessDays})";
                    cell.Date = null;
                    return ("stage_date", SlotKind.StageDate, "formula_error", cell.DateText);
                });
            case Defect.CompletionAfterAsOf:
                return Stage(row, OwnDate, prefer: i => row.Stages[i].Status is not (StageStatus.Complete or StageStatus.NotApplicable), (ref StageCell cell, int i) =>
                {
                    cell.Status = StageStatus.Complete;
                    cell.StatusText = texts.Primary(StageStatus.Complete);
                    cell.Date = calendar.WorkDay(options.AsOf, _random.Next(1, 15));
                    return ("stage_date", SlotKind.StageDate, "completion_after_as_of", cell.Date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                });
            default:
                return false;
        }
    }

    private delegate (string Field, SlotKind Slot, string Reason, string? Value) CellChange(ref StageCell cell, int stage);

    private bool OwnDate(int stage) => layout.HasOwnColumn(SlotKind.StageDate, stage) && !layout.StageDateIsIntakeDate(stage);

    /// <summary>Changes one stage cell of the row (a preferred stage when there is one); false when no stage fits.</summary>
    private bool Stage(TrackerRow row, Func<int, bool> eligible, Func<int, bool> prefer, CellChange change)
    {
        var candidates = Enumerable.Range(0, layout.Stages.Count).Where(eligible).ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var preferred = candidates.Where(prefer).ToList();
        var stage = _random.Pick(preferred.Count > 0 ? preferred : candidates);
        row.Stages = (StageCell[])row.Stages.Clone();
        var (field, slot, reason, value) = change(ref row.Stages[stage], stage);
        return Add(row, $"{field}:{layout.Stages[stage].Definition.Key}", layout.TitleOf(slot, stage)!, reason, value);
    }

    private bool Add(TrackerRow row, string field, string title, string reason, string? value)
    {
        _planted.Add((row, field, title, reason, value));
        return true;
    }

    /// <summary>Row ids (creation order), row numbers and timestamps; the sheet's own timestamps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Stamp(TrackerSheet sheet)
    {
        var rowId = _random.NextLong(1_000_000_000_000_000, 8_000_000_000_000_000);
        var cap = options.AsOf.AddDays(-1).ToDateTime(new TimeOnly(23, 59, 59));
        var first = options.AsOf.AddYears(-options.IntakeYears).AddDays(-14).ToDateTime(new TimeOnly(9, 0));
        for (var i = 0; i < sheet.Rows.Count; i++)
        {
            var row = sheet.Rows[i];
            row.Sheet = sheet;
            row.RowId = rowId += _random.NextLong(1, 1L << 32);
            row.RowNumber = i + 1;
            var created = row.Engagement.IntakeDate.ToDateTime(TimeOnly.FromTimeSpan(_random.OfficeTime()));
            var modified = row.Engagement.LastActivity.ToDateTime(TimeOnly.FromTimeSpan(_random.OfficeTime()));
            row.CreatedAt = created;
            row.ModifiedAt = modified > created ? modified : created.AddMinutes(_random.Next(1, 180));
            row.ModifiedAt = row.ModifiedAt < cap ? row.ModifiedAt : cap;
        }

        sheet.CreatedAt = first;
        sheet.ModifiedAt = sheet.Rows.Count == 0 ? first : sheet.Rows.Max(r => r.ModifiedAt);
    }

    private string Token(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        return string.Create(length, this, (span, planner) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[planner._random.Next(alphabet.Length)];
            }
        });
    }
}
