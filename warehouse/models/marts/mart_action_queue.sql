-- Grain: one engagement × stage that needs someone to act, as of the run's as-of date. Open stages: stuck
-- (is_stuck), overdue (sla_status = overdue), due soon (sla_status = due_soon), or a reminder due within
-- cfg_report.reminder_window_bd business days (next_reminder_on ≤ workday(as_of, window)). Complete stages completed
-- within cfg_report.recent_completion_days days: a gate violation, or no evidence (evidence_present false; stages
-- skipped at intake are not asked for evidence). action is the most urgent of these, in that order of
-- action_priority: stuck 1, overdue 2, gate_violation 3, due_soon 4, reminder_due 5, missing_evidence 6. queue_rank
-- orders the whole queue: priority, then most business days overdue, earliest SLA due date, earliest reminder, largest
-- value. owner_* and team come from dim_owner (NULL: the tracker names nobody in the stage's role); notes is the
-- stage's notes cell as the tracker holds it (user text: encode it wherever it is shown).
WITH windows AS (
    SELECT
        run.as_of,
        workday(run.as_of, report.reminder_window_bd) AS reminder_horizon,
        run.as_of - report.recent_completion_days AS recent_from
    FROM cfg_run AS run
    CROSS JOIN cfg_report AS report
),

stages_flagged AS (
    SELECT
        fact.*,
        fact.sla_status = 'overdue' AS is_overdue,
        fact.sla_status = 'due_soon' AS is_due_soon,
        fact.status = 'open' AND fact.next_reminder_on <= windows.reminder_horizon AS is_reminder_due,
        fact.status = 'complete' AND fact.gate_violation
            AND coalesce(fact.completed_on > windows.recent_from, false) AS is_gate_violation,
        fact.status = 'complete' AND NOT fact.evidence_present AND NOT fact.skipped_at_intake
            AND coalesce(fact.completed_on > windows.recent_from, false) AS is_missing_evidence
    FROM fct_engagement_stage AS fact
    CROSS JOIN windows
    WHERE fact.status IN ('open', 'complete')
),

actions AS (
    SELECT
        *,
        CASE
            WHEN is_stuck THEN 1
            WHEN is_overdue THEN 2
            WHEN is_gate_violation THEN 3
            WHEN is_due_soon THEN 4
            WHEN is_reminder_due THEN 5
            WHEN is_missing_evidence THEN 6
        END AS action_priority
    FROM stages_flagged
    WHERE is_stuck OR is_overdue OR is_gate_violation OR is_due_soon OR is_reminder_due OR is_missing_evidence
)

SELECT
    action.deal_id,
    value.engagement_name,
    value.account,
    action.stage_key,
    stage.stage_name,
    action.stage_order,
    action.owner_id,
    owner.owner_name,
    owner.owner_email,
    action.owner_role,
    owner.team,
    action.status,
    action.sla_status,
    ['stuck', 'overdue', 'gate_violation', 'due_soon', 'reminder_due', 'missing_evidence'][action.action_priority] AS action,
    action.action_priority,
    action.activated_on,
    action.sla_due_on,
    action.age_bd,
    action.overdue_bd,
    action.next_reminder_on,
    action.completed_on,
    action.is_stuck,
    action.is_overdue,
    action.is_gate_violation,
    action.is_due_soon,
    action.is_reminder_due,
    action.is_missing_evidence,
    value.contract_value,
    value.currency,
    value.contract_value_reporting,
    value.has_rate,
    tracker_stage.notes,
    row_number() OVER (
        ORDER BY action.action_priority, action.overdue_bd DESC NULLS LAST, action.sla_due_on NULLS LAST,
            action.next_reminder_on NULLS LAST, value.contract_value_reporting DESC NULLS LAST, action.deal_id, action.stage_order
    ) AS queue_rank
FROM actions AS action
JOIN dim_stage AS stage
    ON stage.stage_key = action.stage_key
JOIN int_engagement_value AS value
    ON value.deal_id = action.deal_id
LEFT JOIN dim_owner AS owner
    ON owner.owner_id = action.owner_id
LEFT JOIN int_engagement_stages AS tracker_stage
    ON tracker_stage.deal_id = action.deal_id
    AND tracker_stage.stage_key = action.stage_key
ORDER BY queue_rank
