-- Grain: one tracker row × one configured stage (cfg_stage): every row has every stage, also when the sheet sent no
-- cell for it. status is the canonical status of status_text (cfg_status_text, matched lower-cased with runs of
-- white space made one), NULL when the text is empty or not configured (int_tracker_row_problems rejects the
-- latter). completed_on is completed_on_raw as a YYYY-MM-DD date, NULL when empty or unparseable. evidence_url is
-- the evidence cell's hyperlink, or its text when that is a web address.
WITH stage_fields_pivoted AS (
    SELECT
        page_number,
        row_id,
        stage_key,
        any_value(value_text) FILTER (WHERE field = 'stage_status') AS status_text,
        any_value(value_text) FILTER (WHERE field = 'stage_date') AS completed_on_raw,
        any_value(hyperlink_url) FILTER (WHERE field = 'stage_evidence') AS evidence_hyperlink,
        any_value(value_text) FILTER (WHERE field = 'stage_evidence') AS evidence_text,
        any_value(value_text) FILTER (WHERE field = 'stage_notes') AS notes
    FROM stg_smartsheet__tracker_cells
    WHERE stage_key IS NOT NULL
    GROUP BY page_number, row_id, stage_key
),

status_texts AS (
    -- Two configured texts that differ only in case or spacing collapse to one here.
    SELECT
        regexp_replace(lower(clean_text(status_text)), '\s+', ' ', 'g') AS status_text_normalised,
        min(status) AS status
    FROM cfg_status_text
    GROUP BY 1
)

SELECT
    tracker_row.page_number,
    tracker_row.sheet_id,
    tracker_row.row_id,
    tracker_row.deal_id,
    stage.stage_key,
    stage.stage_order,
    stage_fields.status_text,
    status_texts.status,
    stage_fields.completed_on_raw,
    parse_iso_date(stage_fields.completed_on_raw) AS completed_on,
    coalesce(
        stage_fields.evidence_hyperlink,
        CASE WHEN regexp_matches(stage_fields.evidence_text, '^https?://\S+$') THEN stage_fields.evidence_text END
    ) AS evidence_url,
    stage_fields.evidence_text,
    stage_fields.notes
FROM stg_smartsheet__tracker_rows AS tracker_row
CROSS JOIN cfg_stage AS stage
LEFT JOIN stage_fields_pivoted AS stage_fields
    ON stage_fields.page_number = tracker_row.page_number
    AND stage_fields.row_id = tracker_row.row_id
    AND stage_fields.stage_key = stage.stage_key
LEFT JOIN status_texts
    ON status_texts.status_text_normalised = regexp_replace(lower(stage_fields.status_text), '\s+', ' ', 'g')
