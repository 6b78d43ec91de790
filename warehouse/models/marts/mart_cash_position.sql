-- Grain: one row, as of the run's as-of date (int_engagement_cash; amounts in the reporting currency, an amount
-- without a rate left out and counted in *_unconverted_count). Unbilled backlog: milestone accepted, invoice not
-- sent. Payment backlog (the AR): invoice sent, payment not received. Over the trailing period (cfg_report
-- .cash_period_days: the days after as_of − period up to as_of): billings (invoices sent), DSO = payment backlog ÷
-- billings × period days, average days to pay (paid_on − invoiced_on of the payments received) and contract-to-cash
-- days (paid_on − signed_on: signature to payment), average and median (interpolated). Day counts are calendar days.
WITH period AS (
    SELECT run.as_of, report.reporting_currency, report.cash_period_days, run.as_of - report.cash_period_days AS period_from
    FROM cfg_run AS run
    CROSS JOIN cfg_report AS report
),

cash_totals AS (
    SELECT
        count(*) FILTER (WHERE cash.is_unbilled) AS unbilled_count,
        sum(cash.contract_value_reporting) FILTER (WHERE cash.is_unbilled AND cash.has_rate) AS unbilled_backlog_reporting,
        count(*) FILTER (WHERE cash.is_unbilled AND NOT cash.has_rate) AS unbilled_unconverted_count,
        count(*) FILTER (WHERE cash.is_awaiting_payment) AS payment_backlog_count,
        sum(cash.contract_value_reporting) FILTER (WHERE cash.is_awaiting_payment AND cash.has_rate) AS payment_backlog_reporting,
        count(*) FILTER (WHERE cash.is_awaiting_payment AND NOT cash.has_rate) AS payment_backlog_unconverted_count,
        count(*) FILTER (WHERE cash.invoiced_on > period.period_from) AS billings_count,
        sum(cash.contract_value_reporting) FILTER (WHERE cash.invoiced_on > period.period_from AND cash.has_rate) AS billings_reporting,
        count(*) FILTER (WHERE cash.invoiced_on > period.period_from AND NOT cash.has_rate) AS billings_unconverted_count,
        count(*) FILTER (WHERE cash.paid_on > period.period_from) AS paid_count,
        avg(cash.days_to_pay) FILTER (WHERE cash.paid_on > period.period_from) AS days_to_pay_avg,
        avg(cash.contract_to_cash_days) FILTER (WHERE cash.paid_on > period.period_from) AS contract_to_cash_days_avg,
        quantile_cont(cash.contract_to_cash_days, 0.5) FILTER (WHERE cash.paid_on > period.period_from) AS contract_to_cash_days_median
    FROM int_engagement_cash AS cash
    CROSS JOIN period
)

SELECT
    period.as_of,
    period.reporting_currency,
    period.cash_period_days,
    totals.unbilled_count,
    coalesce(totals.unbilled_backlog_reporting, 0)::DECIMAL(18,2) AS unbilled_backlog_reporting,
    totals.unbilled_unconverted_count,
    totals.payment_backlog_count,
    coalesce(totals.payment_backlog_reporting, 0)::DECIMAL(18,2) AS payment_backlog_reporting,
    totals.payment_backlog_unconverted_count,
    totals.billings_count,
    coalesce(totals.billings_reporting, 0)::DECIMAL(18,2) AS billings_reporting,
    totals.billings_unconverted_count,
    CASE WHEN totals.billings_reporting > 0
        THEN round(coalesce(totals.payment_backlog_reporting, 0) / totals.billings_reporting * period.cash_period_days, 1)::DOUBLE
    END AS dso_days,
    totals.paid_count,
    round(totals.days_to_pay_avg, 1)::DOUBLE AS days_to_pay_avg,
    round(totals.contract_to_cash_days_avg, 1)::DOUBLE AS contract_to_cash_days_avg,
    round(totals.contract_to_cash_days_median, 1)::DOUBLE AS contract_to_cash_days_median
FROM period
CROSS JOIN cash_totals AS totals
