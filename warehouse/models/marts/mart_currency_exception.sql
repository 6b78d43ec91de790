-- Grain: one amount that no total includes because its currency has no rate to the reporting currency on the date
-- it is converted at: a current engagement's contract value (int_engagement_value, at the as-of date) or a
-- Salesforce opportunity's amount (int_opportunity_value, at its close date, or the as-of date while open). The
-- amount stays in its own currency; currency is NULL when the record names none.
SELECT
    'engagement' AS record_type,
    deal_id AS record_id,
    engagement_name AS record_name,
    currency,
    contract_value AS amount,
    rate_on
FROM int_engagement_value
WHERE NOT has_rate
UNION ALL
SELECT
    'opportunity',
    opportunity_id,
    opportunity_name,
    currency,
    amount,
    rate_on
FROM int_opportunity_value
WHERE NOT has_rate
ORDER BY record_type, currency, record_id
