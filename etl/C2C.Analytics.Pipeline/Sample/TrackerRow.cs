namespace C2C.Analytics.Pipeline.Sample;

/// <summary>One row of one sample sheet: an engagement as the tracker holds it, with what people typed into it.</summary>
internal sealed class TrackerRow(SampleEngagement engagement, StageCell[] stages)
{
    public SampleEngagement Engagement { get; } = engagement;

    /// <summary>The row's stage cells: the engagement's, or a copy with a planted problem or note.</summary>
    public StageCell[] Stages { get; set; } = stages;

    /// <summary>The sheet the row is on.</summary>
    public TrackerSheet? Sheet { get; set; }

    public long RowId { get; set; }

    public int RowNumber { get; set; }

    /// <summary>The Opportunity ID as typed: 18 characters, 15 (pasted from a URL), something invalid, or null (empty).</summary>
    public string? OpportunityIdText { get; set; }

    /// <summary>The value of the third sheet's unmapped column.</summary>
    public string? LegacyRef { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ModifiedAt { get; set; }
}
