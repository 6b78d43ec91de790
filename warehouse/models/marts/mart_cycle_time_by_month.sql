-- Grain: one configured stage × one calendar month (completed_month) with at least one measured completion
-- (fct_engagement_stage.cycle_time_bd of a stage neither skipped at intake nor a gate violation). Average, median
-- and 90th percentile of cycle_time_bd; the median and the percentile interpolate between neighbouring values
-- (quantile_cont), as Excel's MEDIAN and PERCENTILE.INC do.
SELECT
    fact.stage_key,
    stage.stage_name,
    stage.stage_order,
    date_trunc('month', fact.completed_on)::DATE AS completed_month,
    count(*) AS measured_count,
    round(avg(fact.cycle_time_bd), 1)::DOUBLE AS cycle_time_bd_avg,
    round(quantile_cont(fact.cycle_time_bd, 0.5), 1)::DOUBLE AS cycle_time_bd_median,
    round(quantile_cont(fact.cycle_time_bd, 0.9), 1)::DOUBLE AS cycle_time_bd_p90
FROM fct_engagement_stage AS fact
JOIN dim_stage AS stage
    ON stage.stage_key = fact.stage_key
WHERE fact.sla_status IN ('met', 'missed')
GROUP BY ALL
ORDER BY completed_month, stage.stage_order
