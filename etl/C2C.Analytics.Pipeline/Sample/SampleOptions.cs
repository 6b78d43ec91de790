using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>What <see cref="SampleGenerator"/> makes. Same options (seed, as-of, configuration) ⇒ byte-identical pages.</summary>
public sealed class SampleOptions
{
    /// <summary>Salesforce returns at most 2,000 records per <c>/query</c> page.</summary>
    public const int MaxSalesforcePageSize = 2000;

    /// <summary>Won opportunities, i.e. tracker engagements (rows, before the planted duplicates).</summary>
    public int Engagements { get; init; } = 500;

    public int Seed { get; init; } = 42;

    /// <summary>The day the sample is "extracted": intakes fall in the three years before it, nothing is completed after it.</summary>
    public DateOnly AsOf { get; init; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The tracker mapping: the sheets' columns are exactly these titles (plus one unmapped column in one sheet).</summary>
    public TrackerOptions Tracker { get; init; } = new();

    /// <summary>Business days for stage dates; null means the default calendar (Saturday/Sunday, US federal holidays).</summary>
    public BusinessCalendar? Calendar { get; init; }

    /// <summary>Records per Salesforce <c>/query</c> page (1–2,000).</summary>
    public int SalesforcePageSize { get; init; } = MaxSalesforcePageSize;

    /// <summary>Rows per Smartsheet page file (<c>GET /sheets/{id}?page=…&amp;pageSize=…</c>).</summary>
    public int SheetPageSize { get; init; } = 5000;

    /// <summary>Years of intakes before <see cref="AsOf"/>.</summary>
    public int IntakeYears { get; init; } = 3;

    internal void Validate()
    {
        var problems = new List<string>();
        if (Engagements is < 1 or > 10_000_000)
        {
            problems.Add($"engagements must be 1 to 10,000,000 (got {Engagements:N0}).");
        }

        if (SalesforcePageSize is < 1 or > MaxSalesforcePageSize)
        {
            problems.Add($"the Salesforce page size must be 1 to {MaxSalesforcePageSize:N0} (got {SalesforcePageSize:N0}).");
        }

        if (SheetPageSize < 1)
        {
            problems.Add($"the sheet page size must be at least 1 (got {SheetPageSize:N0}).");
        }

        if (IntakeYears is < 1 or > 20)
        {
            problems.Add($"intake years must be 1 to 20 (got {IntakeYears}).");
        }

        if (AsOf.Year - IntakeYears < 1901 || AsOf.Year > 9000)
        {
            problems.Add($"the as-of date {AsOf:yyyy-MM-dd} is out of range.");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid sample options: " + string.Join(" ", problems));
        }
    }
}
