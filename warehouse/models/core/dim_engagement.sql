-- Grain: one engagement (deal_id, the 18-character Salesforce Opportunity ID) per version; for now only the current
-- version of each engagement loaded this run (valid_from = the run's as-of date, valid_to NULL, is_current true) —
-- history comes with the lifecycle models. Built from the tracker rows that load (int_tracker_rows_checked), with
-- the row each came from (source_sheet_*, source_row_*). sales/delivery/finance_owner_id are the dim_owner keys of
-- the default owner roles (bridge_engagement_owner holds every configured role). opportunity_* come from Salesforce
-- when it has the deal (fct_opportunity, not deleted).
-- primary key: deal_id, valid_from
-- max length: deal_id 18, sales_owner_id 32, delivery_owner_id 32, finance_owner_id 32, opportunity_owner_id 32
WITH engagements_loaded AS (
    SELECT *
    FROM int_tracker_rows_checked
    WHERE is_loadable
),

owners_by_role AS (
    SELECT
        deal_id,
        max(owner_id) FILTER (WHERE lower(owner_role) = 'sales') AS sales_owner_id,
        max(owner_id) FILTER (WHERE lower(owner_role) = 'delivery') AS delivery_owner_id,
        max(owner_id) FILTER (WHERE lower(owner_role) = 'finance') AS finance_owner_id
    FROM bridge_engagement_owner
    GROUP BY deal_id
),

opportunities_current AS (
    SELECT *
    FROM fct_opportunity
    WHERE NOT is_deleted
)

SELECT
    engagement.deal_id,
    engagement.engagement_name,
    engagement.account,
    engagement.region,
    engagement.contract_value,
    engagement.currency,
    engagement.intake_date,
    engagement.payment_terms_raw AS payment_terms,
    engagement.payment_terms_days,
    owners_by_role.sales_owner_id,
    owners_by_role.delivery_owner_id,
    owners_by_role.finance_owner_id,
    opportunity.opportunity_id IS NOT NULL AS has_opportunity,
    opportunity.opportunity_name,
    opportunity.stage_name AS opportunity_stage_name,
    opportunity.close_date AS opportunity_close_date,
    opportunity.amount AS opportunity_amount,
    opportunity.owner_id AS opportunity_owner_id,
    opportunity.owner_name AS opportunity_owner_name,
    engagement.sheet_id AS source_sheet_id,
    engagement.sheet_name AS source_sheet_name,
    engagement.row_id AS source_row_id,
    engagement.row_number AS source_row_number,
    (SELECT as_of FROM cfg_run) AS valid_from,
    NULL::DATE AS valid_to,
    true AS is_current
FROM engagements_loaded AS engagement
LEFT JOIN owners_by_role USING (deal_id)
LEFT JOIN opportunities_current AS opportunity
    ON opportunity.opportunity_id = engagement.deal_id
