-- Grain: one attachment of a tracker row, as Smartsheet lists it with include=attachments (the pipeline asks for it
-- only when a stage counts attachments as evidence: Tracker:Stages:N:EvidenceAttachment). Row-level attachments only:
-- an attachment of a comment (parent_type COMMENT) or of the sheet is not evidence for a row. Tracker export files
-- and pages read without attachments have none, so this model is then empty.
WITH attachments_unnested AS (
    SELECT
        file_name,
        id AS row_id,
        unnest(attachments) AS attachment
    FROM raw_smartsheet__sheet_rows
    WHERE len(attachments) > 0
)

SELECT
    sheet.page_number,
    sheet.sheet_id,
    attachments_unnested.row_id,
    attachments_unnested.attachment.id AS attachment_id,
    trim(attachments_unnested.attachment."name") AS attachment_name,
    attachments_unnested.attachment.attachmentType AS attachment_type
FROM attachments_unnested
JOIN stg_smartsheet__sheets AS sheet USING (file_name)
WHERE coalesce(attachments_unnested.attachment.parentType, 'ROW') = 'ROW'
    AND attachments_unnested.attachment."name" IS NOT NULL
