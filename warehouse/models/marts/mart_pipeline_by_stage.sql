-- Grain: one configured stage (dim_stage; every stage has a row, zeros included). engagement_count and
-- contract_value_reporting: the current engagements whose current stage it is, as of the run's as-of date. An
-- engagement's current stage is its earliest (stage_order) open stage, or, when none is open, its earliest waiting
-- stage; an engagement with every stage complete or N/A has none and is not counted. Values in the reporting
-- currency (int_engagement_value); unconverted_count counts engagements left out of the value for want of a rate.
WITH current_stages AS (
    SELECT
        deal_id,
        arg_min(stage_key, (CASE status WHEN 'open' THEN 0 ELSE 1 END, stage_order)) AS stage_key
    FROM fct_engagement_stage
    WHERE status IN ('open', 'waiting')
    GROUP BY deal_id
),

stage_totals AS (
    SELECT
        current_stages.stage_key,
        count(*) AS engagement_count,
        sum(value.contract_value_reporting) FILTER (WHERE value.has_rate) AS contract_value_reporting,
        count(*) FILTER (WHERE NOT value.has_rate) AS unconverted_count
    FROM current_stages
    JOIN int_engagement_value AS value
        ON value.deal_id = current_stages.deal_id
    GROUP BY current_stages.stage_key
)

SELECT
    stage.stage_key,
    stage.stage_name,
    stage.stage_order,
    stage.owner_role,
    coalesce(totals.engagement_count, 0) AS engagement_count,
    coalesce(totals.contract_value_reporting, 0)::DECIMAL(18,2) AS contract_value_reporting,
    coalesce(totals.unconverted_count, 0) AS unconverted_count
FROM dim_stage AS stage
LEFT JOIN stage_totals AS totals
    ON totals.stage_key = stage.stage_key
ORDER BY stage.stage_order
