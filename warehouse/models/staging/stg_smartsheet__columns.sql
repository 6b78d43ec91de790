-- Grain: one column of one Smartsheet sheet. Every page of a sheet repeats its columns; the copy from the page with
-- the highest sheet version is kept. Titles are trimmed.
WITH columns_unnested AS (
    SELECT
        page.id AS sheet_id,
        page.version,
        page.file_name,
        unnest(page."columns") AS sheet_column
    FROM raw_smartsheet__sheet_pages AS page
)

SELECT
    sheet_id,
    sheet_column.id AS column_id,
    sheet_column."index" AS column_index,
    clean_text(sheet_column.title) AS title,
    sheet_column."type" AS column_type
FROM columns_unnested
QUALIFY row_number() OVER (PARTITION BY sheet_id, sheet_column.id ORDER BY version DESC, file_name DESC) = 1
