-- Grain: one OpportunityHistory record (a change of an opportunity's stage, amount, probability or close date), the
-- loadable records of int_opportunity_history_checked. changed_at is when Salesforce recorded it (CreatedDate, UTC);
-- previous_stage_name and next_changed_at come from the opportunity's other history records in this run, ordered by
-- changed_at; is_stage_change is true when the stage differs from the previous record's (or there is none).
-- max length: opportunity_id 18
WITH history_loaded AS (
    SELECT *
    FROM int_opportunity_history_checked
    WHERE is_loadable
)

SELECT
    history_id,
    opportunity_id,
    stage_name,
    lag(stage_name) OVER opportunity_timeline AS previous_stage_name,
    stage_name IS DISTINCT FROM lag(stage_name) OVER opportunity_timeline AS is_stage_change,
    amount,
    expected_revenue,
    probability,
    close_date,
    forecast_category,
    prev_amount,
    prev_close_date,
    created_by_id,
    created_at AS changed_at,
    lead(created_at) OVER opportunity_timeline AS next_changed_at,
    system_modstamp,
    is_deleted,
    file_name AS source_file_name
FROM history_loaded
WINDOW opportunity_timeline AS (PARTITION BY opportunity_id ORDER BY created_at, history_id)
