-- Grain: one row of a tracker sheet; the rows of every sheet that shares the template together. Key fields are
-- pivoted from stg_smartsheet__tracker_cells by their configured meaning, as trimmed text (the *_raw columns) and,
-- where the field has a type, cast: a typed column is NULL when its text does not parse, and
-- int_tracker_row_problems rejects the row for it. deal_id is the 18-character form of the Opportunity ID (sf_id18),
-- NULL when the text is not a Salesforce ID. filled_cell_count counts the row's non-empty configured cells.
WITH tracker_rows AS (
    SELECT
        sheet.page_number,
        sheet.file_name,
        sheet.sheet_id,
        sheet.sheet_name,
        landed.id AS row_id,
        landed.rowNumber AS row_number
    FROM raw_smartsheet__sheet_rows AS landed
    JOIN stg_smartsheet__sheets AS sheet USING (file_name)
),

key_fields_pivoted AS (
    SELECT
        page_number,
        row_id,
        count(value_text) AS filled_cell_count,
        any_value(value_text) FILTER (WHERE field = 'opportunity_id') AS opportunity_id_raw,
        any_value(value_text) FILTER (WHERE field = 'engagement_name') AS engagement_name,
        any_value(value_text) FILTER (WHERE field = 'account') AS account,
        any_value(value_text) FILTER (WHERE field = 'region') AS region,
        any_value(value_text) FILTER (WHERE field = 'contract_value') AS contract_value_raw,
        any_value(value_text) FILTER (WHERE field = 'currency') AS currency_raw,
        any_value(value_text) FILTER (WHERE field = 'intake_date') AS intake_date_raw,
        any_value(value_text) FILTER (WHERE field = 'payment_terms') AS payment_terms_raw
    FROM stg_smartsheet__tracker_cells
    GROUP BY page_number, row_id
)

SELECT
    tracker_rows.page_number,
    tracker_rows.file_name,
    tracker_rows.sheet_id,
    tracker_rows.sheet_name,
    tracker_rows.row_id,
    tracker_rows.row_number,
    coalesce(key_fields.filled_cell_count, 0) AS filled_cell_count,
    key_fields.opportunity_id_raw,
    sf_id18(key_fields.opportunity_id_raw) AS deal_id,
    key_fields.engagement_name,
    key_fields.account,
    key_fields.region,
    key_fields.contract_value_raw,
    parse_amount(key_fields.contract_value_raw) AS contract_value,
    upper(key_fields.currency_raw) AS currency,
    key_fields.intake_date_raw,
    parse_iso_date(key_fields.intake_date_raw) AS intake_date,
    key_fields.payment_terms_raw,
    parse_payment_terms_days(key_fields.payment_terms_raw) AS payment_terms_days
FROM tracker_rows
LEFT JOIN key_fields_pivoted AS key_fields
    ON key_fields.page_number = tracker_rows.page_number
    AND key_fields.row_id = tracker_rows.row_id
