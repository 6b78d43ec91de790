-- Grain: one OpportunityHistory record as landed (one change of an opportunity's stage, amount, probability or close
-- date); a record that arrived twice is two rows here. record_index is its 1-based position in its page file. Fields
-- are cast as in stg_salesforce__opportunities (typed column NULL when its *_raw text does not parse; timestamps UTC).
-- opportunity_id is the 18-character form of OpportunityId; history_id is Id as sent.
-- The parsed record is MATERIALIZED and each field cleaned once (fields_cleaned) before it is parsed: inlined, every
-- reference to a field would parse the record's JSON again, and a macro repeats its argument wherever it uses it.
WITH records_parsed AS MATERIALIZED (
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
),

fields_cleaned AS (
    SELECT
        file_name,
        record_index,
        clean_text(fields.Id) AS history_id,
        clean_text(fields.OpportunityId) AS opportunity_id_raw,
        clean_text(fields.StageName) AS stage_name,
        clean_text(fields.Amount) AS amount_raw,
        clean_text(fields.ExpectedRevenue) AS expected_revenue_raw,
        clean_text(fields.CloseDate) AS close_date_raw,
        clean_text(fields.Probability) AS probability_raw,
        clean_text(fields.ForecastCategory) AS forecast_category,
        clean_text(fields.PrevAmount) AS prev_amount_raw,
        clean_text(fields.PrevCloseDate) AS prev_close_date_raw,
        clean_text(fields.CreatedById) AS created_by_id,
        clean_text(fields.CreatedDate) AS created_at_raw,
        clean_text(fields.SystemModstamp) AS system_modstamp_raw,
        fields.IsDeleted AS is_deleted_raw
    FROM records_parsed
)

SELECT
    file_name,
    record_index,
    history_id,
    opportunity_id_raw,
    sf_id18(opportunity_id_raw) AS opportunity_id,
    stage_name,
    amount_raw,
    parse_amount(amount_raw) AS amount,
    expected_revenue_raw,
    parse_amount(expected_revenue_raw) AS expected_revenue,
    close_date_raw,
    parse_iso_date(close_date_raw) AS close_date,
    probability_raw,
    try_cast(probability_raw AS DECIMAL(5, 2)) AS probability,
    forecast_category,
    prev_amount_raw,
    parse_amount(prev_amount_raw) AS prev_amount,
    prev_close_date_raw,
    parse_iso_date(prev_close_date_raw) AS prev_close_date,
    created_by_id,
    created_at_raw,
    sf_timestamp(created_at_raw) AS created_at,
    system_modstamp_raw,
    sf_timestamp(system_modstamp_raw) AS system_modstamp,
    coalesce(try_cast(is_deleted_raw AS BOOLEAN), false) AS is_deleted
FROM fields_cleaned
