-- Grain: one engagement loaded this run (its current dim_engagement version: is_current AND is_loaded). Its
-- contract value in its own currency and in the reporting currency, converted at the rate that holds on the run's
-- as-of date (int_fx_rate): backlogs and open work are balances, valued at the closing rate. contract_value_reporting
-- is NULL when the engagement has no value; has_rate is false when it has a value but no rate (no currency, or no
-- rate for it on that date): such an amount is a currency exception (mart_currency_exception) and is left out of
-- every total.
SELECT
    engagement.deal_id,
    engagement.engagement_name,
    engagement.account,
    upper(engagement.currency) AS currency,
    engagement.contract_value,
    run.as_of AS rate_on,
    rate.rate_to_reporting,
    round(engagement.contract_value * rate.rate_to_reporting, 2)::DECIMAL(18,2) AS contract_value_reporting,
    engagement.contract_value IS NULL OR rate.rate_to_reporting IS NOT NULL AS has_rate
FROM dim_engagement AS engagement
CROSS JOIN cfg_run AS run
LEFT JOIN int_fx_rate AS rate
    ON rate.currency = upper(engagement.currency)
    AND (rate.valid_from IS NULL OR rate.valid_from <= run.as_of)
    AND (rate.valid_to IS NULL OR run.as_of < rate.valid_to)
WHERE engagement.is_current
    AND engagement.is_loaded
