-- Grain: one configured stage (every stage has a row). Average, median and 90th percentile of cycle_time_bd over
-- the measured completions of the last twelve months: completed_on after the as-of date minus 12 months, up to the
-- as-of date. The same statistics as mart_cycle_time_by_month (quantile_cont); NULL when the stage has none.
WITH recent AS (
    SELECT fact.stage_key, fact.cycle_time_bd
    FROM fct_engagement_stage AS fact
    CROSS JOIN cfg_run AS run
    WHERE fact.sla_status IN ('met', 'missed')
        AND fact.completed_on > run.as_of - INTERVAL 12 MONTH
        AND fact.completed_on <= run.as_of
),

stage_statistics AS (
    SELECT
        stage_key,
        count(*) AS measured_count,
        round(avg(cycle_time_bd), 1)::DOUBLE AS cycle_time_bd_avg,
        round(quantile_cont(cycle_time_bd, 0.5), 1)::DOUBLE AS cycle_time_bd_median,
        round(quantile_cont(cycle_time_bd, 0.9), 1)::DOUBLE AS cycle_time_bd_p90
    FROM recent
    GROUP BY stage_key
)

SELECT
    stage.stage_key,
    stage.stage_name,
    stage.stage_order,
    stage.sla_bd,
    coalesce(statistics.measured_count, 0) AS measured_count,
    statistics.cycle_time_bd_avg,
    statistics.cycle_time_bd_median,
    statistics.cycle_time_bd_p90
FROM dim_stage AS stage
LEFT JOIN stage_statistics AS statistics
    ON statistics.stage_key = stage.stage_key
ORDER BY stage.stage_order
