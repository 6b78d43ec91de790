-- Grain: one current engagement. Where it stands on the way to cash, from the stages that cfg_cash_stage names
-- (Report:CashStages; by default sow_executed = signature, milestone_accepted, invoice_sent, payment_received) in
-- fct_engagement_stage, and its payment terms (dim_engagement.payment_terms_days). A step is "done" when its stage
-- is complete and "pending" when it is open or waiting (an N/A stage is neither). is_unbilled: milestone accepted,
-- invoice pending. is_awaiting_payment: invoice sent, payment pending (the AR). invoice_due_on = invoiced_on +
-- payment terms (calendar days); days_past_due = as_of − invoice_due_on. Day counts here are calendar days.
WITH cash_stage_facts AS (
    SELECT
        fact.deal_id,
        cash.cash_event,
        fact.status,
        fact.completed_on
    FROM fct_engagement_stage AS fact
    JOIN cfg_cash_stage AS cash
        ON cash.stage_key = fact.stage_key
),

cash_steps AS (
    SELECT
        deal_id,
        max(completed_on) FILTER (WHERE cash_event = 'signature') AS signed_on,
        bool_or(status = 'complete') FILTER (WHERE cash_event = 'milestone') AS is_milestone_accepted,
        max(completed_on) FILTER (WHERE cash_event = 'milestone') AS milestone_accepted_on,
        bool_or(status = 'complete') FILTER (WHERE cash_event = 'invoice') AS is_invoiced,
        bool_or(status IN ('open', 'waiting')) FILTER (WHERE cash_event = 'invoice') AS is_invoice_pending,
        max(completed_on) FILTER (WHERE cash_event = 'invoice') AS invoiced_on,
        bool_or(status = 'complete') FILTER (WHERE cash_event = 'payment') AS is_paid,
        bool_or(status IN ('open', 'waiting')) FILTER (WHERE cash_event = 'payment') AS is_payment_pending,
        max(completed_on) FILTER (WHERE cash_event = 'payment') AS paid_on
    FROM cash_stage_facts
    GROUP BY deal_id
),

cash_dated AS (
    SELECT
        value.deal_id,
        value.currency,
        value.contract_value,
        value.contract_value_reporting,
        value.has_rate,
        engagement.payment_terms_days,
        run.as_of,
        steps.signed_on,
        coalesce(steps.is_milestone_accepted, false) AS is_milestone_accepted,
        steps.milestone_accepted_on,
        coalesce(steps.is_invoiced, false) AS is_invoiced,
        steps.invoiced_on,
        coalesce(steps.is_paid, false) AS is_paid,
        steps.paid_on,
        coalesce(steps.is_milestone_accepted AND steps.is_invoice_pending, false) AS is_unbilled,
        coalesce(steps.is_invoiced AND steps.is_payment_pending, false) AS is_awaiting_payment,
        steps.invoiced_on + engagement.payment_terms_days AS invoice_due_on
    FROM int_engagement_value AS value
    JOIN dim_engagement AS engagement
        ON engagement.deal_id = value.deal_id
        AND engagement.is_current
    CROSS JOIN cfg_run AS run
    LEFT JOIN cash_steps AS steps
        ON steps.deal_id = value.deal_id
)

SELECT
    cash.*,
    CASE WHEN cash.is_awaiting_payment THEN cash.as_of - cash.invoice_due_on END AS days_past_due,
    CASE
        WHEN NOT cash.is_awaiting_payment THEN NULL
        WHEN cash.invoice_due_on IS NULL THEN 'unknown'
        WHEN cash.as_of <= cash.invoice_due_on THEN 'current'
        WHEN cash.as_of - cash.invoice_due_on <= 30 THEN '1-30'
        WHEN cash.as_of - cash.invoice_due_on <= 60 THEN '31-60'
        WHEN cash.as_of - cash.invoice_due_on <= 90 THEN '61-90'
        ELSE '90+'
    END AS ar_aging_bucket,
    CASE WHEN cash.is_paid THEN cash.paid_on - cash.invoiced_on END AS days_to_pay,
    CASE WHEN cash.is_paid THEN cash.paid_on - cash.signed_on END AS contract_to_cash_days
FROM cash_dated AS cash
