namespace C2C.Analytics.Pipeline.PowerBi;

/// <summary>
/// Which exported tables the semantic model imports: every dimension, fact and bridge, and the marts that hold one row
/// per thing (an action, an engagement's cash position, an opportunity, a currency exception, a reconciliation exception). The other marts are
/// totals of those rows; the model's measures compute the same figures at any grain and under row-level security, and
/// Power BI forbids a measure named like a column anywhere in the model, so those marts stay out of it.
/// </summary>
public static class ModelTableSelection
{
    /// <summary>The marts the model imports. Add a mart here (and run <c>c2c powerbi</c>) to bring it into the model.</summary>
    public static readonly IReadOnlyList<string> RowLevelMarts =
        ["mart_action_queue", "mart_currency_exception", "mart_engagement_cash", "mart_opportunity_value", "mart_reconciliation_exception"];

    /// <summary>Exported tables that are not for reporting: the calendar macros' lookup arrays.</summary>
    public static readonly IReadOnlyList<string> Excluded = ["dim_date_lookup"];

    public static bool Includes(string table) =>
        !Excluded.Contains(table, StringComparer.Ordinal)
        && (!table.StartsWith("mart_", StringComparison.Ordinal) || RowLevelMarts.Contains(table, StringComparer.Ordinal));
}
