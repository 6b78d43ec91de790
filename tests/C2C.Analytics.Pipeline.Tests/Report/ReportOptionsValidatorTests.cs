using C2C.Analytics.Pipeline.Report;
using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Tests.Report;

public sealed class ReportOptionsValidatorTests
{
    private static readonly IReadOnlyList<ResolvedStage> DefaultStages = TrackerOptionsValidator.Validate(new TrackerOptions());

    [Fact]
    public void The_defaults_are_valid_and_map_the_default_catalog()
    {
        var options = new ReportOptions();

        Assert.Empty(ReportOptionsValidator.Problems(options, DefaultStages));
        Assert.Equal(
            [("signature", "sow_executed"), ("milestone", "milestone_accepted"), ("invoice", "invoice_sent"), ("payment", "payment_received")],
            options.CashStages.Resolve(DefaultStages));
    }

    [Fact]
    public void A_catalog_without_the_default_stages_leaves_those_cash_events_out()
    {
        var stages = TrackerOptionsValidator.Validate(new TrackerOptions
        {
            Stages =
            [
                new StageDefinition { Key = "signed", Name = "Signed", OwnerRole = "Sales", SlaBusinessDays = 5, Prerequisites = [] },
                new StageDefinition { Key = "payment_received", Name = "Paid", OwnerRole = "Finance", SlaBusinessDays = 30 },
            ],
        });
        var options = new ReportOptions { CashStages = new CashStageOptions { Signature = "signed" } };

        Assert.Empty(ReportOptionsValidator.Problems(options, stages));
        Assert.Equal([("signature", "signed"), ("payment", "payment_received")], options.CashStages.Resolve(stages));
    }

    [Fact]
    public void Every_bad_setting_is_named()
    {
        var options = new ReportOptions
        {
            ReportingCurrency = "usd",
            CashPeriodDays = 0,
            QueueRows = 0,
            CashStages = new CashStageOptions { Invoice = "invoiced" },
        };

        var problems = ReportOptionsValidator.Problems(options, DefaultStages);

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.Contains("ReportingCurrency 'usd'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("CashPeriodDays is 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("QueueRows is 0", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("(invoice) names 'invoiced'", StringComparison.Ordinal));
    }
}
