-- Grain: one disagreement between Salesforce (fct_opportunity, not deleted) and the tracker (dim_engagement, current
-- versions: the deals whose row is in the tracker, loaded or rejected this run), by deal_id, as of the run's as-of
-- date. exception_type:
--   missing_intake   a Closed Won opportunity (closed on or before the as-of date) with no tracker row: the engagement
--                    was never taken in. days_since_close: calendar days from its close date to the as-of date.
--   orphan           a tracker row whose deal_id is not an opportunity in Salesforce (or one deleted there). Only
--                    when the run holds Salesforce opportunities at all: without Salesforce nothing is an orphan.
--   amount_mismatch  both hold the deal, both have an amount, and the amounts differ (to the cent) or their currencies
--                    do; only for tracker rows loaded this run (a rejected row's values are its last loaded ones). amount_difference = Salesforce amount − tracker contract value, in their currency when it is
--                    the same (NULL when the currencies differ).
-- Amounts stay in their own currencies (crm_*, tracker_*); detail says what disagrees in words.
WITH opportunities AS (
    SELECT *
    FROM fct_opportunity
    WHERE NOT is_deleted
),

engagements AS (
    SELECT *
    FROM dim_engagement
    WHERE is_current
),

missing_intake AS (
    SELECT
        'missing_intake' AS exception_type,
        opportunity.opportunity_id AS deal_id,
        opportunity.opportunity_name,
        opportunity.account_name,
        opportunity.stage_name AS opportunity_stage_name,
        opportunity.close_date,
        NULL::VARCHAR AS engagement_name,
        opportunity.amount AS crm_amount,
        upper(opportunity.currency) AS crm_currency,
        NULL::DECIMAL(18, 2) AS tracker_amount,
        NULL::VARCHAR AS tracker_currency,
        NULL::DECIMAL(18, 2) AS amount_difference,
        date_diff('day', opportunity.close_date, run.as_of) AS days_since_close,
        'Closed Won on ' || coalesce(opportunity.close_date::VARCHAR, 'an unknown date') || ' and not in the tracker' AS detail
    FROM opportunities AS opportunity
    CROSS JOIN cfg_run AS run
    WHERE opportunity.is_won
        AND (opportunity.close_date IS NULL OR opportunity.close_date <= run.as_of)
        AND NOT EXISTS (SELECT 1 FROM engagements WHERE engagements.deal_id = opportunity.opportunity_id)
),

orphans AS (
    SELECT
        'orphan' AS exception_type,
        engagement.deal_id,
        NULL::VARCHAR AS opportunity_name,
        engagement.account AS account_name,
        NULL::VARCHAR AS opportunity_stage_name,
        NULL::DATE AS close_date,
        engagement.engagement_name,
        NULL::DECIMAL(18, 2) AS crm_amount,
        NULL::VARCHAR AS crm_currency,
        engagement.contract_value AS tracker_amount,
        upper(engagement.currency) AS tracker_currency,
        NULL::DECIMAL(18, 2) AS amount_difference,
        NULL::BIGINT AS days_since_close,
        CASE
            WHEN EXISTS (SELECT 1 FROM fct_opportunity AS deleted WHERE deleted.opportunity_id = engagement.deal_id)
                THEN 'in the tracker; the opportunity is deleted in Salesforce'
            ELSE 'in the tracker; no such opportunity in Salesforce'
        END AS detail
    FROM engagements AS engagement
    WHERE EXISTS (SELECT 1 FROM opportunities)
        AND NOT EXISTS (SELECT 1 FROM opportunities WHERE opportunities.opportunity_id = engagement.deal_id)
),

amount_mismatches AS (
    SELECT
        'amount_mismatch' AS exception_type,
        engagement.deal_id,
        opportunity.opportunity_name,
        coalesce(opportunity.account_name, engagement.account) AS account_name,
        opportunity.stage_name AS opportunity_stage_name,
        opportunity.close_date,
        engagement.engagement_name,
        opportunity.amount AS crm_amount,
        upper(opportunity.currency) AS crm_currency,
        engagement.contract_value AS tracker_amount,
        upper(engagement.currency) AS tracker_currency,
        CASE WHEN upper(opportunity.currency) IS NOT DISTINCT FROM upper(engagement.currency)
            THEN (opportunity.amount - engagement.contract_value)::DECIMAL(18, 2) END AS amount_difference,
        NULL::BIGINT AS days_since_close,
        CASE
            WHEN upper(opportunity.currency) IS DISTINCT FROM upper(engagement.currency)
                THEN 'Salesforce ' || opportunity.amount::VARCHAR || ' ' || coalesce(upper(opportunity.currency), '(no currency)')
                    || ', tracker ' || engagement.contract_value::VARCHAR || ' ' || coalesce(upper(engagement.currency), '(no currency)')
                    || ': the currencies differ'
            ELSE 'Salesforce ' || opportunity.amount::VARCHAR || ', tracker ' || engagement.contract_value::VARCHAR || ' '
                || coalesce(upper(engagement.currency), '(no currency)')
        END AS detail
    FROM engagements AS engagement
    JOIN opportunities AS opportunity
        ON opportunity.opportunity_id = engagement.deal_id
    WHERE engagement.is_loaded
        AND opportunity.amount IS NOT NULL
        AND engagement.contract_value IS NOT NULL
        AND (opportunity.amount <> engagement.contract_value
            OR upper(opportunity.currency) IS DISTINCT FROM upper(engagement.currency))
)

SELECT * FROM missing_intake
UNION ALL
SELECT * FROM orphans
UNION ALL
SELECT * FROM amount_mismatches
ORDER BY exception_type, deal_id
