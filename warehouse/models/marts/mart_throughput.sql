-- Grain: one configured stage × one ISO week (week_start, a Monday), every week from the week of the first dated
-- completion to the week of the run's as-of date (weeks without completions have a zero count).
-- completed_count: the stage's completions with a completion date in that week (fct_engagement_stage, status
-- complete, completed_on set), those skipped at intake included.
WITH weekly AS (
    SELECT
        stage_key,
        date_trunc('week', completed_on)::DATE AS week_start,
        count(*) AS completed_count
    FROM fct_engagement_stage
    WHERE status = 'complete'
        AND completed_on IS NOT NULL
    GROUP BY ALL
),

weeks AS (
    SELECT unnest(generate_series(
        (SELECT min(week_start) FROM weekly),
        (SELECT date_trunc('week', as_of)::DATE FROM cfg_run),
        INTERVAL 7 DAY))::DATE AS week_start
)

SELECT
    stage.stage_key,
    stage.stage_name,
    stage.stage_order,
    weeks.week_start,
    coalesce(weekly.completed_count, 0) AS completed_count
FROM weeks
CROSS JOIN dim_stage AS stage
LEFT JOIN weekly
    ON weekly.stage_key = stage.stage_key
    AND weekly.week_start = weeks.week_start
ORDER BY weeks.week_start, stage.stage_order
