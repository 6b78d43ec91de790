-- Grain: one cell of a tracker row in a configured column (stg_smartsheet__tracker_columns), with the meaning the
-- configuration gives it (field, stage_key, owner_role). Cells of other columns are left out. Smartsheet sends no
-- value for an empty cell and may leave out never-touched cells altogether, so a row can have fewer cells than
-- columns. Values are trimmed text (a JSON number keeps its digits as sent: 125000, 48000.5; a boolean reads true or
-- false); object_value (contacts' objectValue) is kept for owner columns only.
-- The unnested cells are MATERIALIZED: the work after the unnest (the join to the configured columns, the cleaning)
-- then runs on every core instead of on the one thread that reads the rows.
WITH cells_unnested AS MATERIALIZED (
    SELECT
        sheet.page_number,
        sheet.sheet_id,
        tracker_row.id AS row_id,
        unnest(tracker_row.cells) AS cell
    FROM raw_smartsheet__sheet_rows AS tracker_row
    JOIN stg_smartsheet__sheets AS sheet USING (file_name)
),

configured_cells AS (
    SELECT
        cells_unnested.page_number,
        cells_unnested.sheet_id,
        cells_unnested.row_id,
        tracker_column.column_id,
        tracker_column.field,
        tracker_column.stage_key,
        tracker_column.owner_role,
        cell."value" ->> '$' AS value_as_sent,
        cell.displayValue AS display_value_as_sent,
        cell.formula,
        cell.hyperlink.url AS hyperlink_url_as_sent,
        CASE WHEN tracker_column.field = 'owner' THEN cell.objectValue END AS object_value
    FROM cells_unnested
    JOIN stg_smartsheet__tracker_columns AS tracker_column
        ON tracker_column.sheet_id = cells_unnested.sheet_id
        AND tracker_column.column_id = cells_unnested.cell.columnId
)

SELECT
    page_number,
    sheet_id,
    row_id,
    column_id,
    field,
    stage_key,
    owner_role,
    clean_text(value_as_sent) AS value_text,
    clean_text(display_value_as_sent) AS display_value,
    formula,
    clean_text(hyperlink_url_as_sent) AS hyperlink_url,
    object_value
FROM configured_cells
