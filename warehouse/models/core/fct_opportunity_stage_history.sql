-- Grain: one OpportunityHistory record (a change of an opportunity's stage, amount, probability or close date), the
-- loadable records of int_opportunity_history_checked. changed_at is when Salesforce recorded it (CreatedDate, UTC);
-- previous_stage_name and next_changed_at come from the opportunity's other history records in this run, ordered by
-- changed_at; is_stage_change is true when the stage differs from the previous record's (or there is none).
-- A stage change starts a stay in its stage that lasts until the opportunity's next stage change: next_stage_name and
-- stage_exited_at (NULL while it is still in the stage), and stage_duration_days, the days in the stage: calendar
-- days (UTC dates) from changed_at to stage_exited_at, or, for the stage an open opportunity is in now, to the run's
-- as-of date. NULL on records that are not stage changes, for the final stage of a closed opportunity, and for an
-- opportunity that is not in fct_opportunity.
-- max length: opportunity_id 18
WITH history_loaded AS (
    SELECT *
    FROM int_opportunity_history_checked
    WHERE is_loadable
),

history_ordered AS (
    SELECT
        *,
        lag(stage_name) OVER opportunity_timeline AS previous_stage_name,
        stage_name IS DISTINCT FROM lag(stage_name) OVER opportunity_timeline AS is_stage_change,
        lead(created_at) OVER opportunity_timeline AS next_changed_at
    FROM history_loaded
    WINDOW opportunity_timeline AS (PARTITION BY opportunity_id ORDER BY created_at, history_id)
),

stage_stays AS (
    SELECT
        history_id,
        lead(stage_name) OVER stays AS next_stage_name,
        lead(created_at) OVER stays AS stage_exited_at
    FROM history_ordered
    WHERE is_stage_change
    WINDOW stays AS (PARTITION BY opportunity_id ORDER BY created_at, history_id)
)

SELECT
    history.history_id,
    history.opportunity_id,
    history.stage_name,
    history.previous_stage_name,
    history.is_stage_change,
    history.amount,
    history.expected_revenue,
    history.probability,
    history.close_date,
    history.forecast_category,
    history.prev_amount,
    history.prev_close_date,
    history.created_by_id,
    history.created_at AS changed_at,
    history.next_changed_at,
    stays.next_stage_name,
    stays.stage_exited_at,
    CASE
        WHEN NOT history.is_stage_change THEN NULL
        WHEN stays.stage_exited_at IS NOT NULL THEN date_diff('day', history.created_at::DATE, stays.stage_exited_at::DATE)
        WHEN NOT opportunity.is_closed AND run.as_of >= history.created_at::DATE THEN date_diff('day', history.created_at::DATE, run.as_of)
    END AS stage_duration_days,
    history.system_modstamp,
    history.is_deleted,
    history.file_name AS source_file_name
FROM history_ordered AS history
LEFT JOIN stage_stays AS stays
    ON stays.history_id = history.history_id
LEFT JOIN fct_opportunity AS opportunity
    ON opportunity.opportunity_id = history.opportunity_id
CROSS JOIN cfg_run AS run
