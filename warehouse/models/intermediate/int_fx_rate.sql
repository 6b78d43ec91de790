-- Grain: one currency × one period in which a rate to the reporting currency holds (cfg_fx_rate: a rate holds from
-- its date until the currency's next rate; valid_to is that next date, exclusive, NULL for the latest). The
-- reporting currency (cfg_report) is always there with rate 1 and no start. A currency with no period covering a
-- date has no rate on that date: its amounts are currency exceptions, never summed as if they were the reporting
-- currency.
WITH reporting AS (
    SELECT reporting_currency FROM cfg_report
),

dated_rates AS (
    SELECT
        upper(rate.currency) AS currency,
        rate.rate_date AS valid_from,
        lead(rate.rate_date) OVER (PARTITION BY upper(rate.currency) ORDER BY rate.rate_date) AS valid_to,
        rate.rate AS rate_to_reporting
    FROM cfg_fx_rate AS rate
    WHERE upper(rate.currency) <> (SELECT reporting_currency FROM reporting)
)

SELECT currency, valid_from, valid_to, rate_to_reporting
FROM dated_rates
UNION ALL
SELECT reporting_currency, NULL::DATE, NULL::DATE, 1::DECIMAL(18,8)
FROM reporting
