-- Grain: one close month (close_month) with at least one closed Salesforce opportunity closed on or before the
-- run's as-of date (int_opportunity_value). Empty when Salesforce is not loaded. Win rate = won ÷ (won + lost), by
-- count and by amount (reporting currency at each close date's rate; unconverted_count opportunities left out of the
-- amounts for want of a rate), as percentages rounded to one decimal. Average sales cycle: calendar days from
-- created to close date of the won opportunities.
WITH closed AS (
    SELECT opportunity.*
    FROM int_opportunity_value AS opportunity
    CROSS JOIN cfg_run AS run
    WHERE opportunity.is_closed
        AND opportunity.close_date <= run.as_of
),

monthly AS (
    SELECT
        date_trunc('month', close_date)::DATE AS close_month,
        count(*) FILTER (WHERE is_won) AS won_count,
        count(*) FILTER (WHERE NOT is_won) AS lost_count,
        coalesce(sum(amount_reporting) FILTER (WHERE is_won AND has_rate), 0)::DECIMAL(18,2) AS won_amount_reporting,
        coalesce(sum(amount_reporting) FILTER (WHERE NOT is_won AND has_rate), 0)::DECIMAL(18,2) AS lost_amount_reporting,
        count(*) FILTER (WHERE NOT has_rate) AS unconverted_count,
        avg(close_date - created_at::DATE) FILTER (WHERE is_won) AS sales_cycle_days_avg
    FROM closed
    GROUP BY ALL
)

SELECT
    close_month,
    won_count,
    lost_count,
    won_amount_reporting,
    lost_amount_reporting,
    round(100.0 * won_count / (won_count + lost_count), 1)::DOUBLE AS win_rate_by_count_pct,
    CASE WHEN won_amount_reporting + lost_amount_reporting > 0
        THEN round(100.0 * won_amount_reporting / (won_amount_reporting + lost_amount_reporting), 1)::DOUBLE END AS win_rate_by_amount_pct,
    unconverted_count,
    round(sales_cycle_days_avg, 1)::DOUBLE AS sales_cycle_days_avg
FROM monthly
ORDER BY close_month
