-- Grain: one configured tracker column (cfg_tracker_column) that a landed sheet does not have, matched by title
-- (trimmed, case-insensitive). The pipeline stops the run when this table has rows, naming sheet and column: a
-- missing column would otherwise look like a tracker full of empty cells.
WITH landed_sheets AS (
    SELECT
        sheet_id,
        coalesce(arg_max(sheet_name, version), 'sheet ' || sheet_id) AS sheet_name
    FROM stg_smartsheet__sheets
    GROUP BY sheet_id
)

SELECT
    landed_sheets.sheet_id,
    landed_sheets.sheet_name,
    configured.title,
    configured.field,
    configured.stage_key,
    configured.owner_role
FROM landed_sheets
CROSS JOIN cfg_tracker_column AS configured
ANTI JOIN stg_smartsheet__tracker_columns AS found
    ON found.sheet_id = landed_sheets.sheet_id
    AND found.configured_title = configured.title
