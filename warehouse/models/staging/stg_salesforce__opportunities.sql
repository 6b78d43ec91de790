-- Grain: one Opportunity record as landed (Salesforce /query or /queryAll pages); a record that arrived twice in a
-- run is two rows here (int_opportunities_checked keeps the newest). record_index is the record's 1-based position
-- in its page file. Each record's JSON is parsed once; every field is read as text and cast here: the typed column is
-- NULL when the text does not parse, next to its *_raw text, so the checks can reject it. Timestamps are UTC.
-- opportunity_id is the 18-character form of Id (sf_id18), NULL when Id is not a Salesforce ID. Other IDs (account,
-- owner) are kept as sent.
-- The parsed record is MATERIALIZED and each field cleaned once (fields_cleaned) before it is parsed: inlined, every
-- reference to a field would parse the record's JSON again, and a macro repeats its argument wherever it uses it.
WITH records_parsed AS MATERIALIZED (
    SELECT
        file_name,
        record_index,
        from_json(record, '{
            "Id": "VARCHAR", "Name": "VARCHAR", "AccountId": "VARCHAR", "Account": {"Name": "VARCHAR"},
            "StageName": "VARCHAR", "Amount": "VARCHAR", "CloseDate": "VARCHAR", "Probability": "VARCHAR",
            "IsClosed": "VARCHAR", "IsWon": "VARCHAR", "IsDeleted": "VARCHAR", "ForecastCategoryName": "VARCHAR",
            "CurrencyIsoCode": "VARCHAR", "OwnerId": "VARCHAR", "Owner": {"Name": "VARCHAR", "Email": "VARCHAR"},
            "CreatedDate": "VARCHAR", "LastModifiedDate": "VARCHAR", "SystemModstamp": "VARCHAR"
        }') AS fields
    FROM raw_salesforce__opportunities
),

fields_cleaned AS (
    SELECT
        file_name,
        record_index,
        clean_text(fields.Id) AS opportunity_id_raw,
        clean_text(fields.Name) AS name,
        clean_text(fields.AccountId) AS account_id,
        clean_text(fields.Account.Name) AS account_name,
        clean_text(fields.StageName) AS stage_name,
        clean_text(fields.Amount) AS amount_raw,
        clean_text(fields.CloseDate) AS close_date_raw,
        clean_text(fields.Probability) AS probability_raw,
        clean_text(fields.ForecastCategoryName) AS forecast_category,
        clean_text(fields.CurrencyIsoCode) AS currency_raw,
        clean_text(fields.OwnerId) AS owner_id,
        clean_text(fields.Owner.Name) AS owner_name,
        clean_text(fields.Owner.Email) AS owner_email_raw,
        clean_text(fields.CreatedDate) AS created_at_raw,
        clean_text(fields.LastModifiedDate) AS last_modified_at_raw,
        clean_text(fields.SystemModstamp) AS system_modstamp_raw,
        fields.IsClosed AS is_closed_raw,
        fields.IsWon AS is_won_raw,
        fields.IsDeleted AS is_deleted_raw
    FROM records_parsed
)

SELECT
    file_name,
    record_index,
    opportunity_id_raw,
    sf_id18(opportunity_id_raw) AS opportunity_id,
    name,
    account_id,
    account_name,
    stage_name,
    amount_raw,
    parse_amount(amount_raw) AS amount,
    close_date_raw,
    parse_iso_date(close_date_raw) AS close_date,
    probability_raw,
    try_cast(probability_raw AS DECIMAL(5, 2)) AS probability,
    coalesce(try_cast(is_closed_raw AS BOOLEAN), false) AS is_closed,
    coalesce(try_cast(is_won_raw AS BOOLEAN), false) AS is_won,
    forecast_category,
    upper(currency_raw) AS currency,
    owner_id,
    owner_name,
    lower(owner_email_raw) AS owner_email,
    created_at_raw,
    sf_timestamp(created_at_raw) AS created_at,
    last_modified_at_raw,
    sf_timestamp(last_modified_at_raw) AS last_modified_at,
    system_modstamp_raw,
    sf_timestamp(system_modstamp_raw) AS system_modstamp,
    coalesce(try_cast(is_deleted_raw AS BOOLEAN), false) AS is_deleted
FROM fields_cleaned
