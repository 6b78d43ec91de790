using System.Globalization;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>One change of an opportunity's stage, amount or close date: one OpportunityHistory record.</summary>
internal readonly record struct HistoryStep(int Stage, decimal? Amount, DateOnly CloseDate, DateTime At);

/// <summary>A Salesforce opportunity: open, won (then it is an engagement in the tracker) or lost.</summary>
internal sealed class SampleOpportunity
{
    public required int Stage { get; init; }

    /// <summary>Index into <see cref="SampleVocabulary.Products"/>: the name is made when it is written, not held.</summary>
    public required byte Product { get; init; }

    public required SampleAccount? Account { get; init; }

    public required SamplePerson Owner { get; init; }

    public required decimal? Amount { get; init; }

    public required string Currency { get; init; }

    public required DateOnly CloseDate { get; init; }

    public required HistoryStep[] History { get; init; }

    public required DateTime LastModifiedAt { get; init; }

    public required DateTime SystemModstamp { get; init; }

    /// <summary>Assigned in creation order once every opportunity exists (IDs grow over time, as in an org).</summary>
    public string Id { get; set; } = "";

    public DateTime CreatedAt => History[0].At;

    /// <summary>"Acme Corp - Platform Renewal FY25"; "Data Migration (no account) FY25" without an account.</summary>
    public string Name => Account is null
        ? string.Create(CultureInfo.InvariantCulture, $"{SampleVocabulary.Products[Product]} (no account) FY{CloseDate.Year % 100:00}")
        : string.Create(CultureInfo.InvariantCulture, $"{Account.Name} - {SampleVocabulary.Products[Product]} FY{CloseDate.Year % 100:00}");

    public SalesforceStage StageInfo => SalesforceStage.All[Stage];
}
