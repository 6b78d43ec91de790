using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Tests.Tracker;

/// <summary>The tracker mapping and stage catalog are checked at start, every problem listed at once.</summary>
public sealed class TrackerOptionsValidatorTests
{
    [Fact]
    public void The_default_catalog_is_valid_and_each_stage_waits_for_the_one_before_it()
    {
        var stages = TrackerOptionsValidator.Validate(new TrackerOptions());

        Assert.Equal(
            ["intake", "sow_executed", "po_received", "kickoff", "milestone_accepted", "invoice_sent", "payment_received"],
            stages.Select(s => s.Definition.Key));
        Assert.Empty(stages[0].Prerequisites);
        Assert.Equal(["intake"], stages[1].Prerequisites);
        Assert.Equal(["invoice_sent"], stages[6].Prerequisites);
        Assert.Equal(Enumerable.Range(1, 7), stages.Select(s => s.Order));
    }

    [Fact]
    public void A_stage_may_take_its_date_from_the_intake_date_column_but_two_other_fields_may_not_share_a_title()
    {
        var options = new TrackerOptions();
        Assert.Equal("Intake Date", options.EffectiveStages[0].DateColumnTitle); // the default shares it on purpose
        options.Columns.Currency = "Region";

        var error = Assert.Throws<TrackerConfigurationException>(() => TrackerOptionsValidator.Validate(options));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("Column title 'Region' is used for both the region and the currency.", problem);
    }

    [Fact]
    public void An_empty_evidence_attachment_pattern_is_reported_and_a_star_is_accepted()
    {
        var options = new TrackerOptions { Stages = TrackerOptions.DefaultStages() };
        options.Stages[1].EvidenceAttachment = "*";
        options.Stages[2].EvidenceAttachment = "  ";

        var error = Assert.Throws<TrackerConfigurationException>(() => TrackerOptionsValidator.Validate(options));

        Assert.Equal(["Stage 'po_received': EvidenceAttachment is empty; leave it out, or use * for any attachment."], error.Problems);
    }

    [Fact]
    public void An_unknown_prerequisite_a_cycle_and_bad_metric_settings_are_all_reported_together()
    {
        var options = new TrackerOptions
        {
            Stages =
            [
                new() { Key = "a", Name = "A", OwnerRole = "Sales", SlaBusinessDays = 1, Prerequisites = ["c"] },
                new() { Key = "b", Name = "B", OwnerRole = "Sales", SlaBusinessDays = 1, Prerequisites = ["a", "nowhere"] },
                new() { Key = "c", Name = "C", OwnerRole = "Sales", SlaBusinessDays = 1 },
            ],
            Metrics = new LifecycleMetricOptions { AgingBucketUpperBounds = [5, 5, 20], DueSoonBusinessDays = -1, StuckSlaMultiple = 0.5m },
        };

        var error = Assert.Throws<TrackerConfigurationException>(() => TrackerOptionsValidator.Validate(options));

        Assert.Contains("Stage 'b': prerequisite 'nowhere' is not a stage.", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("The stage prerequisites form a cycle: ", StringComparison.Ordinal)
            && p.Contains('a') && p.Contains('b') && p.Contains('c'));
        Assert.Contains(error.Problems, p => p.StartsWith("Metrics:AgingBucketUpperBounds", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Metrics:DueSoonBusinessDays", StringComparison.Ordinal));
        Assert.Contains(error.Problems, p => p.StartsWith("Metrics:StuckSlaMultiple", StringComparison.Ordinal));
        Assert.Equal(5, error.Problems.Count);
    }

    [Fact]
    public void Aging_buckets_follow_the_configured_upper_bounds_and_end_open()
    {
        Assert.Equal(
            [(1, "0-5", 0, (int?)5), (2, "6-10", 6, 10), (3, "11-20", 11, 20), (4, "21+", 21, null)],
            new LifecycleMetricOptions().AgingBuckets());
        Assert.Equal(
            [(1, "0-3", 0, (int?)3), (2, "4+", 4, null)],
            new LifecycleMetricOptions { AgingBucketUpperBounds = [3] }.AgingBuckets());
    }
}
