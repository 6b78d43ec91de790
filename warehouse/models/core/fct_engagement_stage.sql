-- Grain: one engagement loaded this run (deal_id; engagement_version_key: its current dim_engagement version) × one
-- configured stage, as of the run's as-of date (cfg_run.as_of). The lifecycle facts of warehouse/METRICS.md, each
-- computed here and nowhere else; business days through the calendar macros (dim_date). status: complete |
-- not_applicable | open (active, not done) | waiting (its prerequisites are not all done, its activation date is
-- after the as-of date, or it cannot activate: no intake date). Cycle time and SLA are measured only on a complete
-- stage that has both dates, was not skipped at intake and broke no gate; age, aging bucket, SLA due/overdue,
-- reminders and stuck only on an open stage. fct_engagement_stage_snapshot keeps these rows for every as-of date.
-- max length: deal_id 18, stage_key 64, owner_id 32
WITH run AS (
    SELECT cfg_run.as_of, cfg_metric.due_soon_bd, cfg_metric.stuck_sla_multiple
    FROM cfg_run CROSS JOIN cfg_metric
),

stages_activated AS (
    SELECT
        state.*,
        gate.prerequisite_count,
        gate.open_prerequisite_count,
        gate.prerequisites_completed_after,
        CASE
            WHEN state.is_not_applicable OR NOT gate.all_prerequisites_done THEN NULL
            ELSE greatest(state.intake_date, gate.last_prerequisite_completed_on)
        END AS activated_on,
        state.is_complete AND state.completed_on IS NOT NULL AND state.completed_on <= state.intake_date AS skipped_at_intake,
        state.is_complete AND (gate.open_prerequisite_count > 0 OR gate.prerequisites_completed_after > 0) AS gate_violation
    FROM int_engagement_stage_states AS state
    JOIN int_engagement_stage_gates AS gate
        ON gate.deal_id = state.deal_id
        AND gate.stage_key = state.stage_key
),

stages_classified AS (
    SELECT
        stage.*,
        run.as_of,
        run.due_soon_bd,
        run.stuck_sla_multiple,
        CASE
            WHEN stage.is_not_applicable THEN 'not_applicable'
            WHEN stage.is_complete THEN 'complete'
            WHEN stage.activated_on IS NULL OR stage.activated_on > run.as_of THEN 'waiting'
            ELSE 'open'
        END AS status,
        stage.is_complete
            AND stage.completed_on IS NOT NULL
            AND stage.activated_on IS NOT NULL
            AND NOT stage.skipped_at_intake
            AND NOT stage.gate_violation AS is_measured
    FROM stages_activated AS stage
    CROSS JOIN run
),

stages_timed AS (
    SELECT
        stage.*,
        CASE
            WHEN stage.skipped_at_intake THEN 0
            WHEN stage.is_measured THEN business_days_between(stage.activated_on, stage.completed_on)
        END AS cycle_time_bd,
        CASE WHEN stage.status = 'open' THEN business_days_between(stage.activated_on, stage.as_of) END AS age_bd,
        CASE WHEN stage.status = 'open' OR stage.is_measured THEN workday(stage.activated_on, stage.sla_bd) END AS sla_due_on,
        -- Reminder k falls on workday(activated_on, k × cadence): the business day with index I(activated_on) + k × cadence.
        -- The first business day on or after a date d has index business_day_index(d - 1) + 1.
        CASE WHEN stage.status = 'open' THEN business_day_index(stage.activated_on) END AS activation_index,
        CASE WHEN stage.status = 'open' THEN business_day_index(stage.as_of - 1) + 1 END AS as_of_index,
        CASE
            WHEN stage.is_complete AND NOT stage.skipped_at_intake AND stage.completed_on >= stage.activated_on
                THEN business_day_index(stage.completed_on - 1) + 1 - business_day_index(stage.activated_on)
        END AS business_days_to_completion
    FROM stages_classified AS stage
),

stages_reminded AS (
    SELECT
        stage.*,
        -- The first reminder on or after the as-of date is reminder k = max(1, ceil((as_of_index - activation_index) / cadence)).
        greatest(1, (stage.as_of_index - stage.activation_index + stage.reminder_cadence_bd - 1) // stage.reminder_cadence_bd)
            AS next_reminder_number
    FROM stages_timed AS stage
),

owners AS (
    SELECT deal_id, lower(owner_role) AS owner_role, min(owner_id) AS owner_id
    FROM bridge_engagement_owner
    GROUP BY ALL
)

SELECT
    stage.deal_id,
    stage.engagement_version_key,
    stage.stage_key,
    stage.stage_order,
    owners.owner_id,
    stage.owner_role,
    stage.as_of,
    stage.status,
    stage.tracker_status,
    stage.intake_date,
    stage.activated_on,
    stage.completed_on,
    stage.cycle_time_bd,
    stage.age_bd,
    stage.sla_bd,
    stage.sla_due_on,
    CASE
        WHEN stage.is_measured THEN CASE WHEN stage.completed_on <= stage.sla_due_on THEN 'met' ELSE 'missed' END
        WHEN stage.status = 'open' THEN
            CASE
                WHEN stage.as_of > stage.sla_due_on THEN 'overdue'
                WHEN business_days_between(stage.as_of, stage.sla_due_on) <= stage.due_soon_bd THEN 'due_soon'
                ELSE 'on_track'
            END
    END AS sla_status,
    CASE WHEN stage.status = 'open' AND stage.as_of > stage.sla_due_on
        THEN business_days_between(stage.sla_due_on, stage.as_of) END AS overdue_bd,
    bucket.aging_bucket,
    bucket.bucket_order AS aging_bucket_order,
    CASE WHEN stage.status = 'open'
        THEN workday(stage.activated_on, stage.next_reminder_number * stage.reminder_cadence_bd) END AS next_reminder_on,
    CASE
        WHEN stage.status = 'open' THEN stage.next_reminder_number - 1
        WHEN stage.business_days_to_completion IS NOT NULL
            THEN greatest(0, (stage.business_days_to_completion + stage.reminder_cadence_bd - 1) // stage.reminder_cadence_bd - 1)
        ELSE 0
    END AS reminders_to_date,
    stage.skipped_at_intake,
    stage.gate_violation,
    stage.status = 'open' AND stage.age_bd > stage.stuck_sla_multiple * stage.sla_bd AS is_stuck,
    stage.evidence_present,
    stage.contract_value,
    stage.currency,
    date_key(stage.activated_on) AS activated_date_key,
    date_key(stage.completed_on) AS completed_date_key,
    date_key(stage.as_of) AS as_of_date_key
FROM stages_reminded AS stage
LEFT JOIN owners
    ON owners.deal_id = stage.deal_id
    AND owners.owner_role = lower(stage.owner_role)
LEFT JOIN cfg_aging_bucket AS bucket
    ON stage.status = 'open'
    AND stage.age_bd >= bucket.min_bd
    AND (bucket.max_bd IS NULL OR stage.age_bd <= bucket.max_bd)
