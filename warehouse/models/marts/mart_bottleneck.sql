-- Grain: one configured stage (every stage has a row). Bottleneck hotspots as of the run's as-of date: open stages,
-- overdue stages (sla_status = overdue), overdue business days (Σ overdue_bd), stuck stages, and value waiting (Σ
-- contract value of the open stages, reporting currency; unconverted_count open stages left out for want of a rate).
-- bottleneck_rank: 1 is the worst, by overdue stages, then overdue business days, then value waiting, then stage order.
WITH open_stages AS (
    SELECT
        fact.stage_key,
        count(*) AS open_stage_count,
        count(*) FILTER (WHERE fact.sla_status = 'overdue') AS overdue_stage_count,
        coalesce(sum(fact.overdue_bd), 0) AS overdue_bd_total,
        count(*) FILTER (WHERE fact.is_stuck) AS stuck_stage_count,
        sum(value.contract_value_reporting) FILTER (WHERE value.has_rate) AS value_waiting_reporting,
        count(*) FILTER (WHERE NOT value.has_rate) AS unconverted_count
    FROM fct_engagement_stage AS fact
    JOIN int_engagement_value AS value
        ON value.deal_id = fact.deal_id
    WHERE fact.status = 'open'
    GROUP BY fact.stage_key
),

stage_totals AS (
    SELECT
        stage.stage_key,
        stage.stage_name,
        stage.stage_order,
        stage.owner_role,
        coalesce(open_stages.open_stage_count, 0) AS open_stage_count,
        coalesce(open_stages.overdue_stage_count, 0) AS overdue_stage_count,
        coalesce(open_stages.overdue_bd_total, 0)::BIGINT AS overdue_bd_total,
        coalesce(open_stages.stuck_stage_count, 0) AS stuck_stage_count,
        coalesce(open_stages.value_waiting_reporting, 0)::DECIMAL(18,2) AS value_waiting_reporting,
        coalesce(open_stages.unconverted_count, 0) AS unconverted_count
    FROM dim_stage AS stage
    LEFT JOIN open_stages
        ON open_stages.stage_key = stage.stage_key
)

SELECT
    *,
    row_number() OVER (
        ORDER BY overdue_stage_count DESC, overdue_bd_total DESC, value_waiting_reporting DESC, stage_order
    ) AS bottleneck_rank
FROM stage_totals
ORDER BY bottleneck_rank
