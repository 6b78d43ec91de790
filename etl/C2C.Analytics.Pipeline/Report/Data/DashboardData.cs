namespace C2C.Analytics.Pipeline.Report.Data;

/// <summary>Everything the dashboard shows, read from the marts. <see cref="Headline"/> is null when the warehouse has no marts.</summary>
public sealed record DashboardData(
    Headline? Headline,
    IReadOnlyList<PipelineStage> Pipeline,
    IReadOnlyList<AgingCell> Aging,
    IReadOnlyList<SlaMonth> Sla,
    IReadOnlyList<CycleStage> CycleTime,
    IReadOnlyList<Bottleneck> Bottlenecks,
    IReadOnlyList<ThroughputWeek> Throughput,
    IReadOnlyList<TeamAction> TeamActions,
    IReadOnlyList<ActionRow> Queue,
    CashPosition? Cash,
    IReadOnlyList<ArBucket> ArAging,
    IReadOnlyList<PipelineMonth> WeightedPipeline,
    IReadOnlyList<WinRateMonth> WinRate,
    IReadOnlyList<CurrencyExceptionTotal> CurrencyExceptions)
{
    public static DashboardData Empty { get; } = new(null, [], [], [], [], [], [], [], [], null, [], [], [], []);

    /// <summary>True when the marts exist and hold at least one engagement or opportunity.</summary>
    public bool HasData => Headline is { EngagementCount: > 0 } || WeightedPipeline.Count > 0 || WinRate.Count > 0;
}
