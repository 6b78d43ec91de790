-- Grain: one configured stage × one aging bucket (dim_stage × cfg_aging_bucket; every pair has a row, zeros
-- included). The open stages of fct_engagement_stage by aging_bucket: open_stage_count, overdue_stage_count
-- (sla_status = overdue), stuck_stage_count (is_stuck) and value_waiting_reporting (contract value of those open
-- stages, reporting currency; unconverted_count open stages left out of it for want of a rate).
WITH open_stages AS (
    SELECT
        fact.stage_key,
        fact.aging_bucket,
        count(*) AS open_stage_count,
        count(*) FILTER (WHERE fact.sla_status = 'overdue') AS overdue_stage_count,
        count(*) FILTER (WHERE fact.is_stuck) AS stuck_stage_count,
        sum(value.contract_value_reporting) FILTER (WHERE value.has_rate) AS value_waiting_reporting,
        count(*) FILTER (WHERE NOT value.has_rate) AS unconverted_count
    FROM fct_engagement_stage AS fact
    JOIN int_engagement_value AS value
        ON value.deal_id = fact.deal_id
    WHERE fact.status = 'open'
    GROUP BY fact.stage_key, fact.aging_bucket
)

SELECT
    stage.stage_key,
    stage.stage_name,
    stage.stage_order,
    bucket.aging_bucket,
    bucket.bucket_order AS aging_bucket_order,
    coalesce(open_stages.open_stage_count, 0) AS open_stage_count,
    coalesce(open_stages.overdue_stage_count, 0) AS overdue_stage_count,
    coalesce(open_stages.stuck_stage_count, 0) AS stuck_stage_count,
    coalesce(open_stages.value_waiting_reporting, 0)::DECIMAL(18,2) AS value_waiting_reporting,
    coalesce(open_stages.unconverted_count, 0) AS unconverted_count
FROM dim_stage AS stage
CROSS JOIN cfg_aging_bucket AS bucket
LEFT JOIN open_stages
    ON open_stages.stage_key = stage.stage_key
    AND open_stages.aging_bucket = bucket.aging_bucket
ORDER BY stage.stage_order, bucket.bucket_order
