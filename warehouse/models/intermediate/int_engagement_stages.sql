-- Grain: one loaded engagement (deal_id) × one configured stage: the tracker's stage cells of the rows that load
-- (int_tracker_rows_checked.is_loadable), for the lifecycle models to build on. status is the canonical status; an
-- empty status cell reads as complete when the stage has a completion date and as not_started otherwise
-- (is_status_inferred says so). evidence_present: a link, or any evidence text other than "false" (an unticked
-- checkbox), or, for a stage configured with an attachment pattern (cfg_stage.evidence_attachment_like), a row
-- attachment whose name matches it (case ignored); has_evidence_attachment says whether one does.
WITH attachment_evidence AS (
    SELECT DISTINCT
        attachment.page_number,
        attachment.row_id,
        stage.stage_key
    FROM stg_smartsheet__tracker_attachments AS attachment
    JOIN cfg_stage AS stage
        ON attachment.attachment_name ILIKE stage.evidence_attachment_like ESCAPE '\'
)

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
        OR coalesce(lower(stage.evidence_text) <> 'false', false)
        OR attachment_evidence.stage_key IS NOT NULL AS evidence_present,
    attachment_evidence.stage_key IS NOT NULL AS has_evidence_attachment,
    stage.notes,
    stage.sheet_id AS source_sheet_id,
    stage.row_id AS source_row_id
FROM stg_smartsheet__tracker_stages AS stage
JOIN int_tracker_rows_checked AS checked
    ON checked.page_number = stage.page_number
    AND checked.row_id = stage.row_id
LEFT JOIN attachment_evidence
    ON attachment_evidence.page_number = stage.page_number
    AND attachment_evidence.row_id = stage.row_id
    AND attachment_evidence.stage_key = stage.stage_key
WHERE checked.is_loadable
