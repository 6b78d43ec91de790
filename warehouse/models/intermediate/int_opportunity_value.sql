-- Grain: one Salesforce opportunity that is not deleted (fct_opportunity). Its amount in its own currency and in the
-- reporting currency: a closed opportunity at the rate that holds on its close date (Salesforce's dated-rate
-- convention), an open one at the rate on the run's as-of date. has_rate is false when it has an amount but no
-- rate on that date (a currency exception, left out of every total).
WITH opportunities_dated AS (
    SELECT
        opportunity.*,
        CASE WHEN opportunity.is_closed THEN opportunity.close_date ELSE run.as_of END AS rate_on,
        run.as_of
    FROM fct_opportunity AS opportunity
    CROSS JOIN cfg_run AS run
    WHERE NOT opportunity.is_deleted
)

SELECT
    opportunity.opportunity_id,
    opportunity.opportunity_name,
    opportunity.stage_name,
    opportunity.is_closed,
    opportunity.is_won,
    opportunity.close_date,
    opportunity.probability,
    opportunity.created_at,
    upper(opportunity.currency) AS currency,
    opportunity.amount,
    opportunity.rate_on,
    rate.rate_to_reporting,
    round(opportunity.amount * rate.rate_to_reporting, 2)::DECIMAL(18,2) AS amount_reporting,
    opportunity.amount IS NULL OR rate.rate_to_reporting IS NOT NULL AS has_rate
FROM opportunities_dated AS opportunity
LEFT JOIN int_fx_rate AS rate
    ON rate.currency = upper(opportunity.currency)
    AND (rate.valid_from IS NULL OR rate.valid_from <= opportunity.rate_on)
    AND (rate.valid_to IS NULL OR opportunity.rate_on < rate.valid_to)
