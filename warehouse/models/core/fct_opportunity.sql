-- Grain: one Salesforce opportunity (the loadable records of int_opportunities_checked; deleted ones are kept with
-- is_deleted, so that a deletion is visible). opportunity_id is the 18-character Id. owner_id is the owner's
-- dim_owner key (from the owner's e-mail); salesforce_owner_id is the Salesforce User Id. Timestamps are UTC.
-- max length: opportunity_id 18, owner_id 32
SELECT
    opportunity_id,
    name AS opportunity_name,
    account_id,
    account_name,
    stage_name,
    amount,
    currency,
    close_date,
    probability,
    is_closed,
    is_won,
    forecast_category,
    owner_key(owner_email) AS owner_id,
    owner_id AS salesforce_owner_id,
    owner_name,
    owner_email,
    created_at,
    last_modified_at,
    system_modstamp,
    is_deleted,
    file_name AS source_file_name
FROM int_opportunities_checked
WHERE is_loadable
