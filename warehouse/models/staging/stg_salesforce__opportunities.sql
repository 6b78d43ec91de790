-- Grain: one Opportunity record as landed (Salesforce /query or /queryAll pages); a record that arrived twice in a
-- run is two rows here (int_opportunities_checked keeps the newest). record_index is the record's 1-based position
-- in its page file. Each record's JSON is parsed once; every field is read as text and cast here: the typed column is
-- NULL when the text does not parse, next to its *_raw text, so the checks can reject it. Timestamps are UTC.
-- opportunity_id is the 18-character form of Id (sf_id18), NULL when Id is not a Salesforce ID. Other IDs (account,
-- owner) are kept as sent.
WITH records_parsed AS (
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
)

SELECT
    file_name,
    record_index,
    clean_text(fields.Id) AS opportunity_id_raw,
    sf_id18(fields.Id) AS opportunity_id,
    clean_text(fields.Name) AS name,
    clean_text(fields.AccountId) AS account_id,
    clean_text(fields.Account.Name) AS account_name,
    clean_text(fields.StageName) AS stage_name,
    clean_text(fields.Amount) AS amount_raw,
    parse_amount(clean_text(fields.Amount)) AS amount,
    clean_text(fields.CloseDate) AS close_date_raw,
    parse_iso_date(clean_text(fields.CloseDate)) AS close_date,
    clean_text(fields.Probability) AS probability_raw,
    try_cast(clean_text(fields.Probability) AS DECIMAL(5, 2)) AS probability,
    coalesce(try_cast(fields.IsClosed AS BOOLEAN), false) AS is_closed,
    coalesce(try_cast(fields.IsWon AS BOOLEAN), false) AS is_won,
    clean_text(fields.ForecastCategoryName) AS forecast_category,
    upper(clean_text(fields.CurrencyIsoCode)) AS currency,
    clean_text(fields.OwnerId) AS owner_id,
    clean_text(fields.Owner.Name) AS owner_name,
    lower(clean_text(fields.Owner.Email)) AS owner_email,
    clean_text(fields.CreatedDate) AS created_at_raw,
    sf_timestamp(clean_text(fields.CreatedDate)) AS created_at,
    clean_text(fields.LastModifiedDate) AS last_modified_at_raw,
    sf_timestamp(clean_text(fields.LastModifiedDate)) AS last_modified_at,
    clean_text(fields.SystemModstamp) AS system_modstamp_raw,
    sf_timestamp(clean_text(fields.SystemModstamp)) AS system_modstamp,
    coalesce(try_cast(fields.IsDeleted AS BOOLEAN), false) AS is_deleted
FROM records_parsed
