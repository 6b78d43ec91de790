namespace C2C.Analytics.Pipeline.Sample;

/// <summary>One value of Opportunity.StageName in a standard org, with its default probability and forecast category.</summary>
internal sealed record SalesforceStage(string Name, int Probability, string ForecastCategoryName, string ForecastCategory, bool IsClosed, bool IsWon)
{
    /// <summary>The sales path, in order; the last two are the closed stages.</summary>
    public static readonly SalesforceStage[] All =
    [
        new("Prospecting", 10, "Pipeline", "Pipeline", false, false),
        new("Qualification", 10, "Pipeline", "Pipeline", false, false),
        new("Needs Analysis", 20, "Pipeline", "Pipeline", false, false),
        new("Value Proposition", 50, "Pipeline", "Pipeline", false, false),
        new("Id. Decision Makers", 60, "Best Case", "BestCase", false, false),
        new("Perception Analysis", 70, "Best Case", "BestCase", false, false),
        new("Proposal/Price Quote", 75, "Best Case", "BestCase", false, false),
        new("Negotiation/Review", 90, "Commit", "Forecast", false, false),
        new("Closed Won", 100, "Closed", "Closed", true, true),
        new("Closed Lost", 0, "Omitted", "Omitted", true, false),
    ];

    public const int ClosedWon = 8;
    public const int ClosedLost = 9;
    public const int OpenStageCount = 8;
}
