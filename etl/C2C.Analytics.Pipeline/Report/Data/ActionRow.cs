namespace C2C.Analytics.Pipeline.Report.Data;

/// <summary>One row of <c>mart_action_queue</c>. Names and notes are source text: encode them wherever they are shown.</summary>
public sealed record ActionRow(
    long QueueRank,
    string DealId,
    string? EngagementName,
    string? Account,
    string StageName,
    string? OwnerId,
    string? OwnerName,
    string? OwnerEmail,
    string OwnerRole,
    string? Team,
    string Action,
    int Priority,
    long? AgeBd,
    long? OverdueBd,
    DateOnly? SlaDueOn,
    DateOnly? NextReminderOn,
    DateOnly? CompletedOn,
    decimal? Value,
    string? Currency,
    decimal? ValueReporting,
    string? Notes);
