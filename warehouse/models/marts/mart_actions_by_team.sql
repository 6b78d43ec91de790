-- Grain: one team × one action (the action queue's most urgent reason per row: stuck, overdue, gate_violation,
-- due_soon, reminder_due, missing_evidence), for the pairs that have actions. team is the owner's team (dim_owner);
-- 'Unassigned' when the tracker names nobody in the stage's role. action_count, overdue_bd_total (Σ overdue_bd) and
-- value_reporting (Σ contract value, reporting currency; unconverted_count actions left out for want of a rate).
SELECT
    coalesce(team, 'Unassigned') AS team,
    action,
    action_priority,
    count(*) AS action_count,
    coalesce(sum(overdue_bd), 0)::BIGINT AS overdue_bd_total,
    coalesce(sum(contract_value_reporting) FILTER (WHERE has_rate), 0)::DECIMAL(18,2) AS value_reporting,
    count(*) FILTER (WHERE NOT has_rate) AS unconverted_count
FROM mart_action_queue
GROUP BY ALL
ORDER BY team, action_priority
