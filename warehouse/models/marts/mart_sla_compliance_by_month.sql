-- Grain: one calendar month (completed_month, the first day of the month), every month from the first measured
-- completion to the run's as-of month (months without completions have zero counts and a NULL percentage). All
-- stages together: SLA compliance % = met ÷ (met + missed) over the measured completions of the month, rounded to
-- one decimal (the counts are summed first; it is not an average of the stages' percentages).
WITH monthly AS (
    SELECT
        completed_month,
        sum(met_count) AS met_count,
        sum(missed_count) AS missed_count
    FROM mart_sla_compliance_by_stage
    GROUP BY completed_month
),

months AS (
    SELECT unnest(generate_series(
        (SELECT min(completed_month) FROM monthly),
        (SELECT date_trunc('month', as_of)::DATE FROM cfg_run),
        INTERVAL 1 MONTH))::DATE AS completed_month
)

SELECT
    months.completed_month,
    coalesce(monthly.met_count, 0)::BIGINT AS met_count,
    coalesce(monthly.missed_count, 0)::BIGINT AS missed_count,
    CASE WHEN monthly.met_count + monthly.missed_count > 0
        THEN round(100.0 * monthly.met_count / (monthly.met_count + monthly.missed_count), 1)::DOUBLE END AS sla_compliance_pct
FROM months
LEFT JOIN monthly USING (completed_month)
ORDER BY months.completed_month
