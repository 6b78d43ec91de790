-- Grain: one OpportunityHistory record as landed (one change of an opportunity's stage, amount, probability or close
-- date); a record that arrived twice is two rows here. record_index is its 1-based position in its page file. Fields
-- are cast as in stg_salesforce__opportunities (typed column NULL when its *_raw text does not parse; timestamps UTC).
-- opportunity_id is the 18-character form of OpportunityId; history_id is Id as sent.
WITH records_parsed AS (
    SELECT
        file_name,
        record_index,
        from_json(record, '{
            "Id": "VARCHAR", "OpportunityId": "VARCHAR", "StageName": "VARCHAR", "Amount": "VARCHAR",
            "ExpectedRevenue": "VARCHAR", "CloseDate": "VARCHAR", "Probability": "VARCHAR",
            "ForecastCategory": "VARCHAR", "PrevAmount": "VARCHAR", "PrevCloseDate": "VARCHAR",
            "CreatedById": "VARCHAR", "CreatedDate": "VARCHAR", "SystemModstamp": "VARCHAR", "IsDeleted": "VARCHAR"
        }') AS fields
    FROM raw_salesforce__opportunity_history
)

SELECT
    file_name,
    record_index,
    clean_text(fields.Id) AS history_id,
    clean_text(fields.OpportunityId) AS opportunity_id_raw,
    sf_id18(fields.OpportunityId) AS opportunity_id,
    clean_text(fields.StageName) AS stage_name,
    clean_text(fields.Amount) AS amount_raw,
    parse_amount(clean_text(fields.Amount)) AS amount,
    clean_text(fields.ExpectedRevenue) AS expected_revenue_raw,
    parse_amount(clean_text(fields.ExpectedRevenue)) AS expected_revenue,
    clean_text(fields.CloseDate) AS close_date_raw,
    parse_iso_date(clean_text(fields.CloseDate)) AS close_date,
    clean_text(fields.Probability) AS probability_raw,
    try_cast(clean_text(fields.Probability) AS DECIMAL(5, 2)) AS probability,
    clean_text(fields.ForecastCategory) AS forecast_category,
    clean_text(fields.PrevAmount) AS prev_amount_raw,
    parse_amount(clean_text(fields.PrevAmount)) AS prev_amount,
    clean_text(fields.PrevCloseDate) AS prev_close_date_raw,
    parse_iso_date(clean_text(fields.PrevCloseDate)) AS prev_close_date,
    clean_text(fields.CreatedById) AS created_by_id,
    clean_text(fields.CreatedDate) AS created_at_raw,
    sf_timestamp(clean_text(fields.CreatedDate)) AS created_at,
    clean_text(fields.SystemModstamp) AS system_modstamp_raw,
    sf_timestamp(clean_text(fields.SystemModstamp)) AS system_modstamp,
    coalesce(try_cast(fields.IsDeleted AS BOOLEAN), false) AS is_deleted
FROM records_parsed
