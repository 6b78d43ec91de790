namespace C2C.Analytics.Warehouse.Models;

/// <summary>
/// How a <see cref="Materialization.History"/> model keeps its versions. The model's SELECT is the current state, one row
/// per <see cref="UniqueKey"/>; the table holds, besides its columns, <see cref="VersionKey"/> (a surrogate key, 1, 2, …
/// in the order versions open), <c>row_hash</c> (MD5 of the <see cref="Tracked"/> columns), <c>valid_from</c>,
/// <c>valid_to</c> (exclusive; NULL while current), <c>is_current</c> and <c>is_loaded</c> (the latest run's SELECT had
/// the key). Header:
/// <code>
/// -- materialized: history
/// -- unique_key: deal_id
/// -- version_key: engagement_version_key
/// -- as_of: (SELECT as_of FROM cfg_run)
/// -- tracked: engagement_name, contract_value, …        (may repeat)
/// -- retain_when: &lt;predicate on current_version&gt;         (optional; indented "--" lines continue it)
/// </code>
/// </summary>
/// <param name="UniqueKey">The column that identifies a row across runs.</param>
/// <param name="VersionKey">The name of the surrogate key column the runner adds.</param>
/// <param name="AsOf">A SQL expression for the run's date: versions open and close on it.</param>
/// <param name="Tracked">The columns whose change opens a new version; the others are refreshed on the current one.</param>
/// <param name="RetainWhen">
/// A predicate on a current version (alias <c>current_version</c>) whose key the SELECT no longer has: when true the
/// version stays current (for example: its source row is there but was rejected this run) instead of being closed.
/// </param>
public sealed record HistorySettings(string UniqueKey, string VersionKey, string AsOf, IReadOnlyList<string> Tracked, string? RetainWhen)
{
    /// <summary>The columns the runner adds to the model's own, in table order after them.</summary>
    public static readonly IReadOnlyList<string> BookkeepingColumns = ["row_hash", "valid_from", "valid_to", "is_current", "is_loaded"];
}
