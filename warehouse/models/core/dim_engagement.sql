-- Grain: one engagement (deal_id, the 18-character Salesforce Opportunity ID) per version: the history of what the
-- tracker said about it (slowly changing, type 2). This SELECT is the engagement as this run loads it, from the
-- tracker rows that load (int_tracker_rows_checked), with the row each came from (source_sheet_*, source_row_*).
-- sales/delivery/finance_owner_id are the dim_owner keys of the default owner roles; owner_emails lists every
-- configured role ("Role: e-mail; …", bridge_engagement_owner holds them as rows); stage_progress is every stage's
-- status and completion date (int_engagement_stages) as a JSON array in stage order. opportunity_* come from
-- Salesforce when it has the deal (fct_opportunity, not deleted).
-- The runner keeps the versions (Materialization.History): a change in a tracked column closes the current version
-- (valid_to = the run's as-of date, exclusive) and opens a new one (valid_from = the as-of date); a deal no longer in
-- the tracker has its current version closed, unless its row is there but rejected this run (retain_when): that
-- version stays current with is_loaded false. Columns not tracked (payment_terms text, opportunity_*, source_*) are
-- refreshed on the current version. Readers that want one row per engagement of this run filter is_current AND
-- is_loaded; engagement_version_key identifies a version (fct_engagement_stage and its snapshot carry it).
-- primary key: engagement_version_key
-- max length: deal_id 18, sales_owner_id 32, delivery_owner_id 32, finance_owner_id 32, opportunity_owner_id 32
-- materialized: history
-- unique_key: deal_id
-- version_key: engagement_version_key
-- as_of: (SELECT as_of FROM cfg_run)
-- tracked: engagement_name, account, region, contract_value, currency, intake_date, payment_terms_days
-- tracked: sales_owner_id, delivery_owner_id, finance_owner_id, owner_emails, stage_progress
-- retain_when: EXISTS (
--     SELECT 1 FROM int_tracker_rows_checked AS rejected
--     WHERE NOT rejected.is_loadable
--         AND (rejected.deal_id = current_version.deal_id
--             OR (rejected.sheet_id = current_version.source_sheet_id AND rejected.row_id = current_version.source_row_id)))
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
        max(owner_id) FILTER (WHERE lower(owner_role) = 'finance') AS finance_owner_id,
        string_agg(owner_role || ': ' || owner_email, '; ' ORDER BY lower(owner_role), owner_email) AS owner_emails
    FROM bridge_engagement_owner
    GROUP BY deal_id
),

stages_in_order AS (
    SELECT
        deal_id,
        CAST(to_json(list({'stage_key': stage_key, 'status': status, 'completed_on': completed_on} ORDER BY stage_order, stage_key))
            AS VARCHAR) AS stage_progress
    FROM int_engagement_stages
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
    owners_by_role.owner_emails,
    stages_in_order.stage_progress,
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
    engagement.row_number AS source_row_number
FROM engagements_loaded AS engagement
LEFT JOIN owners_by_role USING (deal_id)
LEFT JOIN stages_in_order USING (deal_id)
LEFT JOIN opportunities_current AS opportunity
    ON opportunity.opportunity_id = engagement.deal_id
