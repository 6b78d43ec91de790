using System.Globalization;
using C2C.Analytics.Calendar;
using C2C.Analytics.Pipeline.Tests.Sample.Support;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Tests.Sample;

/// <summary>The sample looks like a C2C tracker: seasonal intakes over three years, stages in order on business days, bottlenecks, skips, N/A, gate violations.</summary>
public class SampleRealismTests(SharedSample shared) : IClassFixture<SharedSample>
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.FromOptions(new CalendarOptions());
    private static readonly IReadOnlyList<StageDefinition> Stages = TrackerOptions.DefaultStages();

    private readonly SampleFolder _sample = shared.Sample;

    private List<LandedRow> GoodRows()
    {
        var bad = _sample.Result.PlantedProblems.Select(p => p.RowId).ToHashSet();
        return [.. LandedPages.TrackerRows(_sample).Where(r => !bad.Contains(r.RowId))];
    }

    private static DateOnly? Date(LandedRow row, string title) =>
        row.Text(title) is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

    [Fact]
    public void Intakes_span_three_years_on_business_days_and_peak_at_quarter_ends()
    {
        var intakes = GoodRows().Select(r => Date(r, "Intake Date")!.Value).ToList();

        Assert.All(intakes, d => Assert.True(Calendar.IsBusinessDay(d), $"{d} is not a business day"));
        Assert.True(intakes.Min() >= SampleFolder.AsOf.AddYears(-3) && intakes.Max() < SampleFolder.AsOf);
        Assert.True(intakes.Min() < SampleFolder.AsOf.AddYears(-3).AddMonths(2), "the first months are populated");
        var quarterEndMonths = intakes.Count(d => d.Month % 3 == 0);
        Assert.True(quarterEndMonths > intakes.Count * 0.45, $"{quarterEndMonths} of {intakes.Count} intakes in quarter-end months");
    }

    [Fact]
    public void Completed_stages_are_on_business_days_no_later_than_the_as_of_date_and_older_engagements_are_further_along()
    {
        var rows = GoodRows();
        foreach (var row in rows)
        {
            foreach (var stage in Stages.Skip(1))
            {
                if (Date(row, stage.DateColumnTitle) is { } date)
                {
                    Assert.True(Calendar.IsBusinessDay(date), $"{stage.Name} on {date}");
                    Assert.True(date < SampleFolder.AsOf);
                }
            }
        }

        double CompletedShare(IEnumerable<LandedRow> group) =>
            group.Average(r => Stages.Count(s => r.Text(s.StatusColumnTitle) is "Complete" or "Done" or "Completed" or "complete"));
        var old = rows.Where(r => Date(r, "Intake Date") < SampleFolder.AsOf.AddYears(-1)).ToList();
        var recent = rows.Where(r => Date(r, "Intake Date") > SampleFolder.AsOf.AddMonths(-2)).ToList();
        Assert.True(CompletedShare(old) > CompletedShare(recent) + 2, $"old {CompletedShare(old):0.0} vs recent {CompletedShare(recent):0.0} stages done");
        Assert.True(old.Count(r => r.Text("Payment Received Status") is "Complete" or "Done" or "Completed" or "complete") > old.Count / 2);
    }

    [Fact]
    public void Some_stages_are_done_at_intake_some_are_not_applicable_and_statuses_are_configured_texts()
    {
        var rows = GoodRows();
        var texts = new TrackerOptions().EffectiveStatusTexts;

        var doneAtIntake = rows.Count(r => Date(r, "SOW Executed Date") is { } sow && sow <= Date(r, "Intake Date"));
        Assert.InRange(doneAtIntake / (double)rows.Count, 0.03, 0.15);
        var reachedPo = rows.Where(r => r.Text("PO Received Status") is { } s && texts[s] != StageStatus.NotStarted).ToList();
        var notApplicable = reachedPo.Count(r => texts[r.Text("PO Received Status")!] == StageStatus.NotApplicable);
        Assert.InRange(notApplicable / (double)reachedPo.Count, 0.05, 0.16);
        Assert.All(rows.SelectMany(r => Stages.Select(s => r.Text(s.StatusColumnTitle)).OfType<string>()), text => Assert.True(texts.ContainsKey(text), text));
    }

    [Fact]
    public void Po_received_and_payment_received_are_the_bottlenecks()
    {
        var rows = GoodRows();
        double MedianDays(string stage, string previous) => Median(rows
            .Where(r => Date(r, stage + " Date") is not null && Date(r, previous + " Date") is not null)
            .Select(r => (double)Calendar.BusinessDaysBetween(Date(r, previous + " Date")!.Value, Date(r, stage + " Date")!.Value))
            .Where(d => d >= 0));

        var po = MedianDays("PO Received", "SOW Executed");
        var kickoff = MedianDays("Kickoff", "PO Received");
        var payment = MedianDays("Payment Received", "Invoice Sent");
        Assert.True(po > 10, $"PO Received takes {po} business days (SLA 10)");
        Assert.True(payment > 30, $"Payment Received takes {payment} business days (SLA 30)");
        Assert.True(kickoff <= 5, $"Kickoff takes {kickoff} business days (SLA 5)");
    }

    [Fact]
    public void The_listed_gate_violations_are_in_the_data()
    {
        var rows = GoodRows().ToDictionary(r => r.Text("Opportunity ID") is { Length: 15 } id ? id + IndependentChecksum.Of(id) : r.Text("Opportunity ID")!);
        var violations = _sample.Result.GateViolations;

        Assert.InRange(violations.Count, 6, 60);
        foreach (var violation in violations.Where(v => rows.ContainsKey(v.DealId)))
        {
            var row = rows[violation.DealId];
            var index = Stages.ToList().FindIndex(s => s.Key == violation.StageKey);
            var stage = Stages[index];
            var prerequisite = Stages[index - 1];
            var completed = Date(row, stage.DateColumnTitle);
            var prerequisiteCompleted = Date(row, prerequisite.DateColumnTitle);
            Assert.NotNull(completed);
            Assert.True(prerequisiteCompleted is null || prerequisiteCompleted > completed, $"{violation}: {prerequisite.Key} {prerequisiteCompleted}, {stage.Key} {completed}");
        }
    }

    [Fact]
    public void Owners_per_role_are_several_people_with_non_ascii_names()
    {
        var rows = GoodRows();
        foreach (var title in new[] { "Sales Owner", "Delivery Owner", "Finance Owner" })
        {
            var names = rows.Select(r => r.Cells[title]).Where(c => c.TryGetProperty("displayValue", out _))
                .Select(c => c.GetProperty("displayValue").GetString()!).Distinct().ToList();
            Assert.True(names.Count >= 4, $"{title}: {names.Count} people");
        }

        var everyone = rows.SelectMany(r => new[] { "Sales Owner", "Delivery Owner", "Finance Owner" }
            .Select(t => r.Cells[t]).Where(c => c.TryGetProperty("displayValue", out _)).Select(c => c.GetProperty("displayValue").GetString()!)).ToHashSet();
        Assert.Contains("José Müller", everyone);
        Assert.Contains("李娜", everyone);
        Assert.True(rows.Count(r => r.Text("Currency") != "USD") > rows.Count / 10, "some EUR and GBP");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted[sorted.Count / 2];
    }
}
