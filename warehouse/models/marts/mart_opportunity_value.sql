-- Grain: one Salesforce opportunity that is not deleted (int_opportunity_value), with its owner (fct_opportunity) and
-- its amount in the reporting currency: a closed opportunity at the rate on its close date, an open one at the rate
-- on the as-of date. One row each, so that a BI model can sum, filter and secure the pipeline figures opportunity by
-- opportunity: mart_weighted_pipeline and mart_win_rate are totals of these rows. amount_reporting is NULL when the
-- amount has no rate (has_rate false: left out of every total). Empty when Salesforce is not loaded.
SELECT
    opportunity.opportunity_id,
    opportunity.opportunity_name,
    opportunity.stage_name,
    opportunity.is_closed,
    opportunity.is_won,
    opportunity.close_date,
    opportunity.probability,
    opportunity.created_at,
    source.owner_id,
    source.owner_email,
    opportunity.currency,
    opportunity.amount,
    opportunity.rate_on,
    opportunity.amount_reporting,
    opportunity.has_rate,
    run.as_of
FROM int_opportunity_value AS opportunity
JOIN fct_opportunity AS source
    ON source.opportunity_id = opportunity.opportunity_id
CROSS JOIN cfg_run AS run
ORDER BY opportunity.opportunity_id
