-- Grain: one configured tracker column (cfg_tracker_column) found in one sheet. Columns are found by title, trimmed and
-- case-insensitive, in each sheet on its own, so sheets that share the template load alike whatever their column
-- order, ids or extra columns. Should a sheet hold two columns whose titles match one configured title, the leftmost
-- is used; one sheet column configured for two fields (the intake date doubling as the intake stage's date) serves
-- both. Configured columns a sheet lacks are listed by int_missing_tracker_columns. (A join in staging, on purpose:
-- a tracker's columns mean nothing until the configuration names them, so this is the source's rename step.)
SELECT
    sheet_column.sheet_id,
    sheet_column.column_id,
    sheet_column.title,
    configured.title AS configured_title,
    configured.field,
    configured.stage_key,
    configured.owner_role
FROM stg_smartsheet__columns AS sheet_column
JOIN cfg_tracker_column AS configured
    ON lower(sheet_column.title) = lower(clean_text(configured.title))
QUALIFY row_number() OVER (
    PARTITION BY sheet_column.sheet_id, configured.field, configured.stage_key, configured.owner_role
    ORDER BY sheet_column.column_index, sheet_column.column_id) = 1
