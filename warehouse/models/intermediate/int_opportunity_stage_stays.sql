-- Grain: one stay of an opportunity in a stage (a stage change of fct_opportunity_stage_history), for the
-- opportunities that are not deleted, with the stage it moved on to (next_stage_name, NULL while it is still there)
-- and its days in the stage (stage_duration_days). What the opportunity stage marts count.
SELECT
    history.opportunity_id,
    history.stage_name,
    history.probability,
    history.changed_at,
    history.next_stage_name,
    history.stage_exited_at,
    history.stage_duration_days
FROM fct_opportunity_stage_history AS history
JOIN fct_opportunity AS opportunity
    ON opportunity.opportunity_id = history.opportunity_id
WHERE history.is_stage_change
    AND NOT history.is_deleted
    AND NOT opportunity.is_deleted
