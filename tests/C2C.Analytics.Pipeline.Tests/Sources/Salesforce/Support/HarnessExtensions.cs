using C2C.Analytics.Pipeline.Tests.Sources.Smartsheet.Support;

namespace C2C.Analytics.Pipeline.Tests.Sources.Salesforce.Support;

/// <summary>What the Salesforce tests read from a harness's warehouse.</summary>
public static class HarnessExtensions
{
    /// <summary>Where an entity's watermark stands after the last committed run (etl_watermark), as "yyyy-MM-dd HH:mm:ss", or null.</summary>
    public static string? Watermark(this PipelineHarness harness, string entity) =>
        harness.Query<string?>("SELECT watermark::VARCHAR FROM etl_watermark WHERE source = 'salesforce' AND entity = $entity", new { entity }).SingleOrDefault();

    /// <summary>fct_opportunity as "id|stage|amount|is_deleted" lines, by id.</summary>
    public static List<string> Opportunities(this PipelineHarness harness) =>
        harness.Query<string>("""
            SELECT concat_ws('|', opportunity_id, stage_name, coalesce(amount::VARCHAR, ''), is_deleted::VARCHAR)
            FROM fct_opportunity ORDER BY opportunity_id
            """);

    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
