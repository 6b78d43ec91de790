-- Grain: one loaded engagement (deal_id) × one configured stage: the tracker's stage cells of the rows that load
-- (int_tracker_rows_checked.is_loadable), for the lifecycle models to build on. status is the canonical status; an
-- empty status cell reads as complete when the stage has a completion date and as not_started otherwise
-- (is_status_inferred says so). evidence_present: a link, or any evidence text other than "false" (an unticked
-- checkbox).
SELECT
    stage.deal_id,
    stage.stage_key,
    stage.stage_order,
    coalesce(
        stage.status,
        CASE WHEN stage.completed_on IS NOT NULL THEN 'complete' ELSE 'not_started' END
    ) AS status,
    stage.status IS NULL AS is_status_inferred,
    stage.status_text,
    stage.completed_on,
    stage.evidence_url,
    stage.evidence_text,
    stage.evidence_url IS NOT NULL
        OR coalesce(lower(stage.evidence_text) <> 'false', false) AS evidence_present,
    stage.notes,
    stage.sheet_id AS source_sheet_id,
    stage.row_id AS source_row_id
FROM stg_smartsheet__tracker_stages AS stage
JOIN int_tracker_rows_checked AS checked
    ON checked.page_number = stage.page_number
    AND checked.row_id = stage.row_id
WHERE checked.is_loadable
