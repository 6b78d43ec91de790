-- Grain: one engagement loaded this run (its current dim_engagement version, is_current AND is_loaded, whose
-- engagement_version_key it carries) × one configured stage: what the tracker says about the stage, reduced to the
-- facts the lifecycle rules need. The completion date is what marks a stage done (the tracker's own rule: reminders
-- stop once the date is filled in): is_complete when the stage has a completion date or its status is complete. A
-- stage marked N/A (status not_applicable) is neither complete nor open, whatever its date says. completed_on is NULL
-- for a stage complete without a date. Adds the engagement's intake date and contract value and the stage's
-- configuration (cfg_stage).
SELECT
    stage.deal_id,
    engagement.engagement_version_key,
    stage.stage_key,
    config.stage_order,
    config.owner_role,
    config.sla_bd,
    config.reminder_cadence_bd,
    stage.status AS tracker_status,
    stage.status = 'not_applicable' AS is_not_applicable,
    stage.status <> 'not_applicable' AND (stage.completed_on IS NOT NULL OR stage.status = 'complete') AS is_complete,
    CASE WHEN stage.status <> 'not_applicable' THEN stage.completed_on END AS completed_on,
    stage.evidence_present,
    engagement.intake_date,
    engagement.contract_value,
    engagement.currency
FROM int_engagement_stages AS stage
JOIN dim_engagement AS engagement
    ON engagement.deal_id = stage.deal_id
    AND engagement.is_current
    AND engagement.is_loaded
JOIN cfg_stage AS config
    ON config.stage_key = stage.stage_key
