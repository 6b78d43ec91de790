-- Grain: one stage of the Contract-to-Cash lifecycle, as configured (Tracker:Stages; cfg_stage). sla_bd and
-- reminder_cadence_bd are in business days. prerequisites lists the stage keys that must be complete (or N/A)
-- first; prerequisites_text is the same list as text, for tools that do not read lists (Power BI).
-- primary key: stage_key
-- max length: stage_key 64
SELECT
    stage_key,
    stage_name,
    stage_order,
    owner_role,
    sla_bd,
    reminder_cadence_bd,
    prerequisites,
    array_to_string(prerequisites, ', ') AS prerequisites_text
FROM cfg_stage
