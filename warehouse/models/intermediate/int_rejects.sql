-- Grain: one problem of one rejected source record (a record with three problems has three rows), in etl_reject's
-- shape; the pipeline appends it to etl_reject with the run id. A record is identified by file_name and row_id
-- (Smartsheet rows) or record_key and row_number (Salesforce: the Id and the 1-based position in the page file).
-- raw_record keeps the record as the source sent it: for a Salesforce record its JSON; for a tracker row a JSON object
-- {sheet_id, sheet_name, row_id, row_number, cells: {column title: value}}, holding every column of the sheet (a
-- cell that has more than a value — display value, formula, link — is an object of those).
WITH rejected_tracker_rows AS (
    SELECT DISTINCT page_number, row_id
    FROM int_tracker_row_problems
),

rejected_tracker_cells AS (
    SELECT
        sheet.page_number,
        sheet.sheet_id,
        sheet.sheet_name,
        landed.id AS row_id,
        landed.rowNumber AS row_number,
        unnest(landed.cells) AS cell
    FROM raw_smartsheet__sheet_rows AS landed
    JOIN stg_smartsheet__sheets AS sheet USING (file_name)
    SEMI JOIN rejected_tracker_rows AS rejected
        ON rejected.page_number = sheet.page_number
        AND rejected.row_id = landed.id
),

rejected_tracker_records AS (
    SELECT
        cells.page_number,
        cells.row_id,
        json_object(
            'sheet_id', any_value(cells.sheet_id),
            'sheet_name', any_value(cells.sheet_name),
            'row_id', cells.row_id,
            'row_number', any_value(cells.row_number),
            -- Built as text so that the cells keep the sheet's column order.
            'cells', ('{' || string_agg(
                to_json(coalesce(sheet_column.title, 'column ' || cells.cell.columnId))::VARCHAR || ':' || (
                CASE
                    WHEN coalesce(cells.cell.displayValue = (cells.cell."value" ->> '$'), cells.cell.displayValue IS NULL)
                        AND cells.cell.formula IS NULL
                        AND cells.cell.hyperlink.url IS NULL
                        AND cells.cell.objectValue IS NULL
                        THEN coalesce(cells.cell."value", 'null'::JSON)
                    ELSE json_merge_patch('{}', json_object(
                        'value', cells.cell."value",
                        'displayValue', cells.cell.displayValue,
                        'formula', cells.cell.formula,
                        'hyperlink', cells.cell.hyperlink.url,
                        'objectValue', cells.cell.objectValue))
                END)::VARCHAR,
                ','
                ORDER BY sheet_column.column_index, cells.cell.columnId) || '}')::JSON
        )::VARCHAR AS raw_record
    FROM rejected_tracker_cells AS cells
    LEFT JOIN stg_smartsheet__columns AS sheet_column
        ON sheet_column.sheet_id = cells.sheet_id
        AND sheet_column.column_id = cells.cell.columnId
    GROUP BY cells.page_number, cells.row_id
),

tracker_rejects AS (
    SELECT
        'smartsheet' AS source,
        'tracker' AS entity,
        problem.file_name,
        problem.sheet_id,
        problem.row_id,
        problem.row_number,
        problem.record_key,
        problem.field,
        problem.reason,
        problem.detail,
        coalesce(
            landed.raw_record,
            json_object('sheet_id', problem.sheet_id, 'sheet_name', problem.sheet_name, 'row_id', problem.row_id,
                'row_number', problem.row_number, 'cells', json_object())::VARCHAR
        ) AS raw_record
    FROM int_tracker_row_problems AS problem
    LEFT JOIN rejected_tracker_records AS landed
        ON landed.page_number = problem.page_number
        AND landed.row_id = problem.row_id
),

opportunity_rejects AS (
    SELECT
        'salesforce' AS source,
        'opportunities' AS entity,
        checked.file_name,
        NULL::BIGINT AS sheet_id,
        NULL::BIGINT AS row_id,
        checked.record_index::INTEGER AS row_number,
        coalesce(checked.opportunity_id, checked.opportunity_id_raw) AS record_key,
        problem.field,
        problem.reason,
        problem.detail,
        landed.record::VARCHAR AS raw_record
    FROM int_opportunities_checked AS checked
    CROSS JOIN unnest(checked.problems) AS problems(problem)
    JOIN raw_salesforce__opportunities AS landed
        ON landed.file_name = checked.file_name
        AND landed.record_index = checked.record_index
    WHERE NOT checked.is_loadable
),

history_rejects AS (
    SELECT
        'salesforce' AS source,
        'opportunity_history' AS entity,
        checked.file_name,
        NULL::BIGINT AS sheet_id,
        NULL::BIGINT AS row_id,
        checked.record_index::INTEGER AS row_number,
        checked.history_id AS record_key,
        problem.field,
        problem.reason,
        problem.detail,
        landed.record::VARCHAR AS raw_record
    FROM int_opportunity_history_checked AS checked
    CROSS JOIN unnest(checked.problems) AS problems(problem)
    JOIN raw_salesforce__opportunity_history AS landed
        ON landed.file_name = checked.file_name
        AND landed.record_index = checked.record_index
    WHERE NOT checked.is_loadable
)

SELECT * FROM tracker_rejects
UNION ALL
SELECT * FROM opportunity_rejects
UNION ALL
SELECT * FROM history_rejects
