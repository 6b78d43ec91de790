-- Grain: one current engagement, as of the run's as-of date: where it stands on the way to cash (int_engagement_cash)
-- and its contract value in the reporting currency (int_engagement_value), one row each, so that a BI model can sum,
-- filter and secure the cash figures engagement by engagement. mart_cash_position and mart_ar_aging are totals of
-- these rows: unbilled backlog (is_unbilled), payment backlog and AR aging (is_awaiting_payment, ar_aging_bucket),
-- billings, days to pay and contract-to-cash days over the trailing cash_period_days (cfg_report) before as_of.
-- contract_value_reporting is NULL when the value has no rate (has_rate false: left out of every total). Day counts
-- are calendar days; ar_aging_bucket_order sorts the buckets as mart_ar_aging does.
SELECT
    cash.deal_id,
    cash.currency,
    cash.contract_value,
    cash.contract_value_reporting,
    cash.has_rate,
    report.reporting_currency,
    cash.as_of,
    report.cash_period_days,
    cash.payment_terms_days,
    cash.signed_on,
    cash.is_milestone_accepted,
    cash.milestone_accepted_on,
    cash.is_invoiced,
    cash.invoiced_on,
    cash.is_paid,
    cash.paid_on,
    cash.is_unbilled,
    cash.is_awaiting_payment,
    cash.invoice_due_on,
    cash.days_past_due,
    cash.ar_aging_bucket,
    CASE cash.ar_aging_bucket
        WHEN 'current' THEN 1 WHEN '1-30' THEN 2 WHEN '31-60' THEN 3 WHEN '61-90' THEN 4 WHEN '90+' THEN 5 WHEN 'unknown' THEN 6
    END AS ar_aging_bucket_order,
    cash.days_to_pay,
    cash.contract_to_cash_days
FROM int_engagement_cash AS cash
CROSS JOIN cfg_report AS report
ORDER BY cash.deal_id
