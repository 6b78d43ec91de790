-- Grain: one close month (close_month, the first day of the month) with at least one open Salesforce opportunity
-- (int_opportunity_value: not closed, not deleted). Empty when Salesforce is not loaded. Weighted pipeline =
-- Σ amount × probability ÷ 100, in the reporting currency at the as-of date's rate; unconverted_count opportunities
-- left out for want of a rate. An opportunity without a close date has no month and is not counted.
SELECT
    date_trunc('month', close_date)::DATE AS close_month,
    count(*) AS opportunity_count,
    coalesce(sum(amount_reporting) FILTER (WHERE has_rate), 0)::DECIMAL(18,2) AS pipeline_amount_reporting,
    coalesce(sum(amount_reporting * coalesce(probability, 0) / 100) FILTER (WHERE has_rate), 0)::DECIMAL(18,2)
        AS weighted_pipeline_reporting,
    count(*) FILTER (WHERE NOT has_rate) AS unconverted_count
FROM int_opportunity_value
WHERE NOT is_closed
    AND close_date IS NOT NULL
GROUP BY ALL
ORDER BY close_month
