using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>What a tracker column holds in the sample.</summary>
internal enum SlotKind
{
    OpportunityId,
    EngagementName,
    Account,
    Region,
    ContractValue,
    Currency,
    IntakeDate,
    PaymentTerms,
    Owner,
    StageStatus,
    StageDate,
    StageEvidence,
    StageNotes,
    Extra,
}

/// <summary>One column's meaning: kind, owner-role or stage index, and its configured title.</summary>
internal readonly record struct TrackerSlot(SlotKind Kind, int Index, string Title);

/// <summary>One column of one sample sheet, in Smartsheet's terms.</summary>
internal sealed record SampleColumn(long Id, int Index, TrackerSlot Slot, string Type, bool Primary, IReadOnlyList<string>? Options, int Width);

/// <summary>
/// The tracker template, from the configuration: one column per configured title (a title configured twice — the intake
/// date doubling as the intake stage's date — is one column), and per sheet an order of its own: the first sheet in
/// configuration order, the second with some key columns swapped and the owners last, the third with evidence and notes
/// swapped and an extra column nobody configured. Columns are found by title, so all three load alike.
/// </summary>
internal sealed class TrackerLayout
{
    public const string ExtraColumnTitle = "Legacy Ref";

    private readonly List<TrackerSlot> _slots = [];
    private readonly HashSet<string> _titles = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool[] _stageDateIsIntakeDate;

    public TrackerLayout(TrackerOptions options, IReadOnlyList<ResolvedStage> stages)
    {
        var columns = options.Columns;
        OwnerRoles = [.. columns.Owners.Keys];
        Add(SlotKind.OpportunityId, 0, columns.OpportunityId);
        Add(SlotKind.EngagementName, 0, columns.EngagementName);
        Add(SlotKind.Account, 0, columns.Account);
        Add(SlotKind.Region, 0, columns.Region);
        Add(SlotKind.ContractValue, 0, columns.ContractValue);
        Add(SlotKind.Currency, 0, columns.Currency);
        Add(SlotKind.IntakeDate, 0, columns.IntakeDate);
        Add(SlotKind.PaymentTerms, 0, columns.PaymentTerms);
        for (var role = 0; role < OwnerRoles.Count; role++)
        {
            Add(SlotKind.Owner, role, columns.Owners[OwnerRoles[role]]);
        }

        _stageDateIsIntakeDate = new bool[stages.Count];
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i].Definition;
            Add(SlotKind.StageStatus, i, stage.StatusColumnTitle);
            _stageDateIsIntakeDate[i] = Same(stage.DateColumnTitle, columns.IntakeDate);
            Add(SlotKind.StageDate, i, stage.DateColumnTitle);
            Add(SlotKind.StageEvidence, i, stage.EvidenceColumnTitle);
            Add(SlotKind.StageNotes, i, stage.NotesColumnTitle);
        }

        ExtraTitle = ExtraColumnTitle;
        while (_titles.Contains(ExtraTitle))
        {
            ExtraTitle += " (old)";
        }

        Stages = stages;
    }

    public IReadOnlyList<string> OwnerRoles { get; }

    public IReadOnlyList<ResolvedStage> Stages { get; }

    /// <summary>The title of the unmapped column of the third sheet.</summary>
    public string ExtraTitle { get; }

    /// <summary>The intake stage's date column is the intake date column: the stage completes on the intake date.</summary>
    public bool StageDateIsIntakeDate(int stage) => _stageDateIsIntakeDate[stage];

    /// <summary>The title of the column that holds a slot (for a doubled title, the one column both share).</summary>
    public string? TitleOf(SlotKind kind, int index) => _slots.FirstOrDefault(s => s.Kind == kind && s.Index == index).Title;

    /// <summary>True when the slot has a column of its own (not one it shares with an earlier slot).</summary>
    public bool HasOwnColumn(SlotKind kind, int index) => _slots.Any(s => s.Kind == kind && s.Index == index);

    /// <summary>The columns of sheet <paramref name="sheet"/>, with fresh column ids.</summary>
    public IReadOnlyList<SampleColumn> ColumnsFor(int sheet, SampleRandom random, StatusTexts texts)
    {
        var order = Order(sheet);
        var primary = order.FindIndex(s => s.Kind == SlotKind.EngagementName);
        if (primary > 0)
        {
            var name = order[primary];
            order.RemoveAt(primary);
            order.Insert(0, name);
        }

        var columns = new List<SampleColumn>(order.Count);
        var id = random.NextLong(1_000_000_000_000_000, 8_000_000_000_000_000);
        for (var i = 0; i < order.Count; i++)
        {
            id += random.NextLong(1, 1L << 40);
            var slot = order[i];
            var (type, options, width) = slot.Kind switch
            {
                SlotKind.Region => ("PICKLIST", SampleVocabulary.Regions, 110),
                SlotKind.Currency => ("PICKLIST", (IReadOnlyList<string>?)["USD", "EUR", "GBP"], 90),
                SlotKind.PaymentTerms => ("PICKLIST", ["Net 30", "Net 45", "Net 60"], 110),
                SlotKind.StageStatus => ("PICKLIST", texts.PicklistOptions, 120),
                SlotKind.IntakeDate or SlotKind.StageDate => ("DATE", null, 110),
                SlotKind.Owner => ("CONTACT_LIST", null, 160),
                SlotKind.EngagementName or SlotKind.StageNotes => ("TEXT_NUMBER", null, 260),
                _ => ("TEXT_NUMBER", null, 150),
            };
            columns.Add(new SampleColumn(id, i, slot, type, i == 0, options, width));
        }

        return columns;
    }

    private List<TrackerSlot> Order(int sheet)
    {
        var slots = new List<TrackerSlot>(_slots);
        switch (sheet % 3)
        {
            case 1:
                Swap(slots, SlotKind.Account, SlotKind.Region);
                Swap(slots, SlotKind.ContractValue, SlotKind.Currency);
                var owners = slots.Where(s => s.Kind == SlotKind.Owner).ToList();
                slots.RemoveAll(s => s.Kind == SlotKind.Owner);
                slots.AddRange(owners);
                break;
            case 2:
                for (var i = 0; i + 1 < slots.Count; i++)
                {
                    if (slots[i].Kind == SlotKind.StageEvidence && slots[i + 1].Kind == SlotKind.StageNotes && slots[i].Index == slots[i + 1].Index)
                    {
                        (slots[i], slots[i + 1]) = (slots[i + 1], slots[i]);
                        i++;
                    }
                }

                slots.Insert(Math.Min(2, slots.Count), new TrackerSlot(SlotKind.Extra, 0, ExtraTitle));
                break;
            default:
                break;
        }

        return slots;
    }

    private static void Swap(List<TrackerSlot> slots, SlotKind a, SlotKind b)
    {
        var i = slots.FindIndex(s => s.Kind == a);
        var j = slots.FindIndex(s => s.Kind == b);
        if (i >= 0 && j >= 0)
        {
            (slots[i], slots[j]) = (slots[j], slots[i]);
        }
    }

    private void Add(SlotKind kind, int index, string title)
    {
        var trimmed = title.Trim();
        if (trimmed.Length > 0 && _titles.Add(trimmed))
        {
            _slots.Add(new TrackerSlot(kind, index, trimmed));
        }
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
