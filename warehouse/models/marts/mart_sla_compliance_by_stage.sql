-- Grain: one configured stage × one calendar month (completed_month, the first day of the month) in which at least
-- one of its measured completions falls (fct_engagement_stage: sla_status met or missed). SLA compliance % =
-- met ÷ (met + missed), as a percentage rounded to one decimal.
SELECT
    fact.stage_key,
    stage.stage_name,
    stage.stage_order,
    date_trunc('month', fact.completed_on)::DATE AS completed_month,
    count(*) FILTER (WHERE fact.sla_status = 'met') AS met_count,
    count(*) FILTER (WHERE fact.sla_status = 'missed') AS missed_count,
    round(100.0 * count(*) FILTER (WHERE fact.sla_status = 'met') / count(*), 1)::DOUBLE AS sla_compliance_pct
FROM fct_engagement_stage AS fact
JOIN dim_stage AS stage
    ON stage.stage_key = fact.stage_key
WHERE fact.sla_status IN ('met', 'missed')
GROUP BY ALL
ORDER BY completed_month, stage.stage_order
