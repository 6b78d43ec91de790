namespace C2C.Analytics.Pipeline.Tracker;

/// <summary>
/// The configurable edges of the lifecycle metrics (<c>Tracker:Metrics</c>): aging buckets, the due-soon window and the
/// stuck rule. Defaults are the ones <c>warehouse/METRICS.md</c> documents.
/// </summary>
public sealed class LifecycleMetricOptions
{
    /// <summary>The default aging bucket upper bounds: 0–5, 6–10, 11–20 and 21+ business days.</summary>
    public static IReadOnlyList<int> DefaultAgingBucketUpperBounds { get; } = [5, 10, 20];

    /// <summary>
    /// Inclusive upper bounds of the aging buckets in business days, ascending; the last bucket is open-ended. Null
    /// means <see cref="DefaultAgingBucketUpperBounds"/> (a list has no non-null default: the configuration binder
    /// would append to it).
    /// </summary>
    public List<int>? AgingBucketUpperBounds { get; set; }

    /// <summary>An open stage is due soon when at most this many business days remain to its SLA due date.</summary>
    public int DueSoonBusinessDays { get; set; } = 2;

    /// <summary>An open stage is stuck when its age exceeds this multiple of its SLA (DESIGN: more than twice the SLA).</summary>
    public decimal StuckSlaMultiple { get; set; } = 2m;

    public IReadOnlyList<int> EffectiveAgingBucketUpperBounds =>
        AgingBucketUpperBounds is { Count: > 0 } bounds ? bounds : DefaultAgingBucketUpperBounds;

    /// <summary>The buckets as (order, label, lowest age, highest age or null): 0-5, 6-10, 11-20, 21+.</summary>
    public IReadOnlyList<(int Order, string Label, int MinBusinessDays, int? MaxBusinessDays)> AgingBuckets()
    {
        var buckets = new List<(int, string, int, int?)>();
        var low = 0;
        foreach (var high in EffectiveAgingBucketUpperBounds)
        {
            buckets.Add((buckets.Count + 1, $"{low}-{high}", low, high));
            low = high + 1;
        }

        buckets.Add((buckets.Count + 1, $"{low}+", low, null));
        return buckets;
    }
}
