using C2C.Analytics.Pipeline.Tracker;

namespace C2C.Analytics.Pipeline.Sample;

/// <summary>
/// The tracker texts the sample writes for each canonical status, taken from the configured status texts (so a changed
/// configuration still produces known statuses): mostly the first configured text, sometimes another one or a
/// lower-case spelling, as people type them.
/// </summary>
internal sealed class StatusTexts
{
    private readonly Dictionary<string, string[]> _byStatus;

    public StatusTexts(TrackerOptions options)
    {
        _byStatus = options.EffectiveStatusTexts
            .GroupBy(p => p.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Key.Trim()).Where(t => t.Length > 0).ToArray(), StringComparer.Ordinal);
        PicklistOptions = [.. new[] { StageStatus.NotStarted, StageStatus.InProgress, StageStatus.Complete, StageStatus.NotApplicable, StageStatus.Blocked }
            .Select(Primary)
            .OfType<string>()];
    }

    /// <summary>The status columns' PICKLIST options: the first text of each status.</summary>
    public IReadOnlyList<string> PicklistOptions { get; }

    public bool Has(string status) => Primary(status) is not null;

    public string? Primary(string status) => _byStatus.TryGetValue(status, out var texts) && texts.Length > 0 ? texts[0] : null;

    /// <summary>A text for <paramref name="status"/>: the first configured one 88% of the time.</summary>
    public string? Pick(string status, SampleRandom random)
    {
        if (!_byStatus.TryGetValue(status, out var texts) || texts.Length == 0)
        {
            return null;
        }

        var draw = random.NextDouble();
        return draw < 0.88 || texts.Length == 1 ? texts[0]
            : draw < 0.97 ? texts[1 + random.Next(texts.Length - 1)]
            : texts[0].ToLowerInvariant();
    }
}
