namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>One stage of the lifecycle, as configured under <c>Tracker:Stages</c>.</summary>
public sealed class StageDefinition
{
    /// <summary>Stable key used in the warehouse (<c>sow_executed</c>): lower case, digits, underscores.</summary>
    public string Key { get; set; } = "";

    /// <summary>Display name (<c>SOW Executed</c>); also the default prefix of the stage's tracker columns.</summary>
    public string Name { get; set; } = "";

    /// <summary>Owner role: one of the keys of <see cref="TrackerColumns.Owners"/> (Sales, Delivery, Finance).</summary>
    public string OwnerRole { get; set; } = "";

    /// <summary>Service level in business days from activation.</summary>
    public int SlaBusinessDays { get; set; }

    /// <summary>Keys of the stages that must be complete (or N/A) first; null means the previous stage.</summary>
    public List<string>? Prerequisites { get; set; }

    /// <summary>Reminder cadence in business days (weekly = 5).</summary>
    public int ReminderCadenceBusinessDays { get; set; } = 5;

    /// <summary>Tracker column titles of this stage; null means "<see cref="Name"/> Status" etc.</summary>
    public string? StatusColumn { get; set; }

    public string? DateColumn { get; set; }

    public string? EvidenceColumn { get; set; }

    public string? NotesColumn { get; set; }

    /// <summary>
    /// Where set, a row attachment whose name matches this pattern is evidence for the stage too (besides a link in
    /// the evidence column): <c>*</c> for any attachment, or a name pattern such as <c>*SOW*.pdf</c> (<c>*</c> any
    /// text, <c>?</c> one character, case ignored). Null (the default): attachments are not evidence. Only Smartsheet
    /// sends attachments; tracker export files have none.
    /// </summary>
    public string? EvidenceAttachment { get; set; }

    public string StatusColumnTitle => StatusColumn ?? $"{Name} Status";

    public string DateColumnTitle => DateColumn ?? $"{Name} Date";

    public string EvidenceColumnTitle => EvidenceColumn ?? $"{Name} Evidence";

    public string NotesColumnTitle => NotesColumn ?? $"{Name} Notes";
}
