-- Grain: one tracker row (as stg_smartsheet__tracker_rows), with the list of its problems (int_tracker_row_problems:
-- field, reason, detail) and is_loadable = no problem. Loadable rows become dim_engagement; the others are rejected.
WITH problems_per_row AS (
    SELECT
        page_number,
        row_id,
        list({'field': field, 'reason': reason, 'detail': detail} ORDER BY field NULLS FIRST, reason) AS problems
    FROM int_tracker_row_problems
    GROUP BY page_number, row_id
)

SELECT
    tracker_row.*,
    coalesce(problems_per_row.problems, []) AS problems,
    coalesce(len(problems_per_row.problems), 0) AS problem_count,
    problems_per_row.problems IS NULL AS is_loadable
FROM stg_smartsheet__tracker_rows AS tracker_row
LEFT JOIN problems_per_row
    ON problems_per_row.page_number = tracker_row.page_number
    AND problems_per_row.row_id = tracker_row.row_id
