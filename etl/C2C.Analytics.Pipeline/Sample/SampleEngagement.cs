namespace C2C.Analytics.Pipeline.Sample;

/// <summary>The state of one stage of one engagement, as the tracker shows it.</summary>
internal struct StageCell
{
    /// <summary>Canonical status (StageStatus), or null when the tracker leaves it blank.</summary>
    public string? Status;

    public string? StatusText;

    public DateOnly? Date;

    /// <summary>Text written instead of <see cref="Date"/> (a planted bad value such as "TBD").</summary>
    public string? DateText;

    /// <summary>A formula on the date cell (with <see cref="DateText"/> as its computed value).</summary>
    public string? DateFormula;

    /// <summary>
    /// Evidence: 0 none; n &gt; 0 document n, shown by name with a hyperlink; n &lt; 0 document -n, its web address
    /// pasted as the cell's text. The texts are made when the cell is written (<see cref="SampleVocabulary.WriteEvidence"/>),
    /// not held in memory.
    /// </summary>
    public int Evidence;

    public string? Note;
}

/// <summary>A won opportunity being delivered: one tracker row (two when a duplicate is planted).</summary>
internal sealed class SampleEngagement
{
    public required SampleOpportunity Opportunity { get; init; }

    public required DateOnly IntakeDate { get; init; }

    /// <summary>Owners by role, in the order of the configured owner columns (null: the cell is empty).</summary>
    public required SamplePerson?[] Owners { get; init; }

    public required StageCell[] Stages { get; init; }

    /// <summary>The day the row was last touched (the latest completion, or the intake).</summary>
    public required DateOnly LastActivity { get; init; }

    /// <summary>The stage completed out of order (a gate violation), or -1.</summary>
    public int GateViolationStage { get; init; } = -1;

    public SampleAccount? Account => Opportunity.Account;

    public int Region => Opportunity.Account?.Region ?? 0;
}
