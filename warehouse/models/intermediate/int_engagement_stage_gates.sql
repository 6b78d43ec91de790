-- Grain: one current engagement × one configured stage: its gate, i.e. the state of its prerequisites. The
-- prerequisites that count are the effective ones: a prerequisite marked N/A is looked through to its own
-- prerequisites (N/A counts as done and is transparent for dates), so with intake → SOW (N/A) → PO, PO waits for
-- intake and activates on intake's completion. all_prerequisites_done: every effective prerequisite is complete
-- (true for a stage without any). last_prerequisite_completed_on: the latest completion date among them (a
-- prerequisite complete without a date contributes none). prerequisites_completed_after: how many of them were
-- completed on a later day than this stage (the stage was done out of order); a date on or before the intake date
-- counts as the intake date, since the order of what was done before the tracker row existed is not known.
WITH RECURSIVE stage_edges AS (
    SELECT stage_key, unnest(prerequisites) AS prerequisite_key
    FROM cfg_stage
),

not_applicable_stages AS (
    SELECT deal_id, stage_key
    FROM int_engagement_stage_states
    WHERE is_not_applicable
),

prerequisite_paths(deal_id, stage_key, prerequisite_key) AS (
    SELECT state.deal_id, edge.stage_key, edge.prerequisite_key
    FROM int_engagement_stage_states AS state
    JOIN stage_edges AS edge
        ON edge.stage_key = state.stage_key
    UNION
    SELECT path.deal_id, path.stage_key, edge.prerequisite_key
    FROM prerequisite_paths AS path
    JOIN not_applicable_stages AS skipped
        ON skipped.deal_id = path.deal_id
        AND skipped.stage_key = path.prerequisite_key
    JOIN stage_edges AS edge
        ON edge.stage_key = path.prerequisite_key
),

effective_prerequisites AS (
    SELECT
        path.deal_id,
        path.stage_key,
        prerequisite.is_complete,
        prerequisite.completed_on
    FROM prerequisite_paths AS path
    JOIN int_engagement_stage_states AS prerequisite
        ON prerequisite.deal_id = path.deal_id
        AND prerequisite.stage_key = path.prerequisite_key
    WHERE NOT prerequisite.is_not_applicable
),

gates_summarised AS (
    SELECT
        prerequisite.deal_id,
        prerequisite.stage_key,
        count(*) AS prerequisite_count,
        count(*) FILTER (WHERE NOT prerequisite.is_complete) AS open_prerequisite_count,
        max(prerequisite.completed_on) AS last_prerequisite_completed_on,
        -- Dates on or before the intake date all mean "done when the row was created": their order is not compared.
        count(*) FILTER (WHERE greatest(prerequisite.completed_on, state.intake_date) > greatest(state.completed_on, state.intake_date))
            AS prerequisites_completed_after
    FROM effective_prerequisites AS prerequisite
    JOIN int_engagement_stage_states AS state
        ON state.deal_id = prerequisite.deal_id
        AND state.stage_key = prerequisite.stage_key
    GROUP BY prerequisite.deal_id, prerequisite.stage_key
)

SELECT
    state.deal_id,
    state.stage_key,
    coalesce(gate.prerequisite_count, 0) AS prerequisite_count,
    coalesce(gate.open_prerequisite_count, 0) AS open_prerequisite_count,
    coalesce(gate.open_prerequisite_count, 0) = 0 AS all_prerequisites_done,
    gate.last_prerequisite_completed_on,
    coalesce(gate.prerequisites_completed_after, 0) AS prerequisites_completed_after
FROM int_engagement_stage_states AS state
LEFT JOIN gates_summarised AS gate
    ON gate.deal_id = state.deal_id
    AND gate.stage_key = state.stage_key
