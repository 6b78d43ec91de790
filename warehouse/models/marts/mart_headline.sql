-- Grain: one row, as of the run's as-of date: the dashboard's headline figures, each read from the mart that defines
-- it. payment_backlog_reporting (mart_cash_position), overdue_stage_count, stuck_stage_count and open_stage_count
-- (Σ mart_bottleneck), SLA compliance % of the as-of month so far and of the month before (mart_sla_compliance_by_month;
-- NULL without measured completions), the median contract-to-cash days of the cash period (mart_cash_position),
-- action_count (mart_action_queue), engagement_count (current engagements) and currency_exception_count
-- (mart_currency_exception).
SELECT
    cash.as_of,
    cash.reporting_currency,
    (SELECT count(*) FROM int_engagement_value) AS engagement_count,
    cash.payment_backlog_reporting,
    cash.payment_backlog_count,
    cash.payment_backlog_unconverted_count,
    (SELECT coalesce(sum(overdue_stage_count), 0) FROM mart_bottleneck)::BIGINT AS overdue_stage_count,
    (SELECT coalesce(sum(stuck_stage_count), 0) FROM mart_bottleneck)::BIGINT AS stuck_stage_count,
    (SELECT coalesce(sum(open_stage_count), 0) FROM mart_bottleneck)::BIGINT AS open_stage_count,
    (SELECT sla_compliance_pct FROM mart_sla_compliance_by_month
        WHERE completed_month = date_trunc('month', cash.as_of)) AS sla_compliance_this_month_pct,
    (SELECT sla_compliance_pct FROM mart_sla_compliance_by_month
        WHERE completed_month = date_trunc('month', cash.as_of) - INTERVAL 1 MONTH) AS sla_compliance_last_month_pct,
    cash.contract_to_cash_days_median,
    cash.cash_period_days,
    (SELECT count(*) FROM mart_action_queue) AS action_count,
    (SELECT count(*) FROM mart_currency_exception) AS currency_exception_count
FROM mart_cash_position AS cash
