-- Grain: one landed Smartsheet page (one GET /sheets/{id} response file); a sheet fetched in several pages has one
-- row per page. page_number numbers the pages in file-name order: the tracker models key rows by (page_number,
-- row_id), so a row landed twice by mistake stays two records and reconciliation can account for both. (The pages'
-- rows are in raw_smartsheet__sheet_rows, by file_name.)
SELECT
    row_number() OVER (ORDER BY file_name) AS page_number,
    file_name,
    id AS sheet_id,
    clean_text(name) AS sheet_name,
    version,
    totalRowCount AS total_row_count
FROM raw_smartsheet__sheet_pages
