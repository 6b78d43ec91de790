-- Grain: one problem found in one tracker row; a row can have several, and a row with any does not load. Reasons:
-- empty_row (no value in any configured column), missing_id, invalid_id, duplicate_id (the same deal_id on more than
-- one row of the run: every copy is rejected, since which one is right cannot be told), unparseable_date,
-- unparseable_amount, unparseable_payment_terms, unknown_status, completion_after_as_of (a stage date after
-- cfg_run.as_of) and formula_error (a cell holding a Smartsheet formula error). A formula error is the only problem
-- reported for its cell. field names the configured field, qualified by stage or owner role (stage_date:kickoff,
-- owner:Sales); detail names the value and the column title.
WITH tracker_rows AS (
    SELECT * FROM stg_smartsheet__tracker_rows
),

duplicated_deal_ids AS (
    SELECT
        deal_id,
        count(*) AS copies,
        string_agg(coalesce(sheet_name, 'sheet ' || sheet_id) || ' row ' || row_number, ', '
            ORDER BY sheet_name, row_number, row_id) AS locations
    FROM tracker_rows
    WHERE deal_id IS NOT NULL
    GROUP BY deal_id
    HAVING count(*) > 1
),

row_problems AS (
    SELECT page_number, row_id, 'empty_row' AS reason, NULL AS field, NULL AS stage_key, NULL AS owner_role,
        NULL AS value_text, NULL AS note
    FROM tracker_rows WHERE filled_cell_count = 0
    UNION ALL
    SELECT page_number, row_id, 'missing_id', 'opportunity_id', NULL, NULL, NULL, NULL
    FROM tracker_rows WHERE opportunity_id_raw IS NULL AND filled_cell_count > 0
    UNION ALL
    SELECT page_number, row_id, 'invalid_id', 'opportunity_id', NULL, NULL, opportunity_id_raw,
        CASE WHEN regexp_full_match(opportunity_id_raw, '[A-Za-z0-9]{18}')
            THEN 'its last three characters must be the checksum of the first 15 (' || sf_id_suffix(opportunity_id_raw) || ')'
            ELSE 'a Salesforce ID has 15 or 18 letters and digits'
        END
    FROM tracker_rows WHERE opportunity_id_raw IS NOT NULL AND deal_id IS NULL
    UNION ALL
    SELECT tracker_rows.page_number, tracker_rows.row_id, 'duplicate_id', 'opportunity_id', NULL, NULL,
        tracker_rows.opportunity_id_raw,
        'deal ' || tracker_rows.deal_id || ' is on ' || duplicated_deal_ids.copies || ' rows: ' || duplicated_deal_ids.locations
    FROM tracker_rows JOIN duplicated_deal_ids USING (deal_id)
    UNION ALL
    SELECT page_number, row_id, 'unparseable_date', 'intake_date', NULL, NULL, intake_date_raw, NULL
    FROM tracker_rows WHERE intake_date_raw IS NOT NULL AND intake_date IS NULL
    UNION ALL
    SELECT page_number, row_id, 'unparseable_amount', 'contract_value', NULL, NULL, contract_value_raw, NULL
    FROM tracker_rows WHERE contract_value_raw IS NOT NULL AND contract_value IS NULL
    UNION ALL
    SELECT page_number, row_id, 'unparseable_payment_terms', 'payment_terms', NULL, NULL, payment_terms_raw, NULL
    FROM tracker_rows WHERE payment_terms_raw IS NOT NULL AND payment_terms_days IS NULL
),

stage_problems AS (
    SELECT page_number, row_id, 'unknown_status' AS reason, 'stage_status' AS field, stage_key, NULL AS owner_role,
        status_text AS value_text, NULL AS note
    FROM stg_smartsheet__tracker_stages WHERE status_text IS NOT NULL AND status IS NULL
    UNION ALL
    SELECT page_number, row_id, 'unparseable_date', 'stage_date', stage_key, NULL, completed_on_raw, NULL
    FROM stg_smartsheet__tracker_stages WHERE completed_on_raw IS NOT NULL AND completed_on IS NULL
    UNION ALL
    SELECT page_number, row_id, 'completion_after_as_of', 'stage_date', stage_key, NULL, completed_on_raw,
        strftime(cfg_run.as_of, '%Y-%m-%d')
    FROM stg_smartsheet__tracker_stages CROSS JOIN cfg_run WHERE completed_on > cfg_run.as_of
),

formula_errors AS (
    SELECT page_number, row_id, 'formula_error' AS reason, field, stage_key, owner_role, value_text,
        CASE WHEN formula IS NOT NULL THEN 'formula ' || formula END AS note
    FROM stg_smartsheet__tracker_cells
    WHERE starts_with(value_text, '#') AND smartsheet_formula_error(value_text, formula)
),

problems_combined AS (
    SELECT * FROM row_problems
    UNION ALL
    SELECT * FROM stage_problems
    UNION ALL
    SELECT * FROM formula_errors
),

problems_per_cell AS (
    -- A formula error explains whatever else is wrong with its cell (an "#INVALID DATA TYPE" is not a date either).
    SELECT *
    FROM problems_combined
    QUALIFY reason = 'formula_error'
        OR NOT bool_or(reason = 'formula_error') OVER (PARTITION BY page_number, row_id, field, stage_key, owner_role)
),

problems_described AS (
    SELECT
        problem.*,
        coalesce(configured.title, problem.field) AS column_title
    FROM problems_per_cell AS problem
    LEFT JOIN cfg_tracker_column AS configured
        ON configured.field = problem.field
        AND configured.stage_key IS NOT DISTINCT FROM problem.stage_key
        AND configured.owner_role IS NOT DISTINCT FROM problem.owner_role
)

SELECT
    tracker_rows.page_number,
    tracker_rows.file_name,
    tracker_rows.sheet_id,
    tracker_rows.sheet_name,
    tracker_rows.row_id,
    tracker_rows.row_number,
    coalesce(tracker_rows.deal_id, tracker_rows.opportunity_id_raw) AS record_key,
    problem.field || coalesce(':' || problem.stage_key, ':' || problem.owner_role, '') AS field,
    problem.column_title,
    problem.reason,
    CASE problem.reason
        WHEN 'empty_row' THEN 'the row has no value in any configured column'
        WHEN 'missing_id' THEN 'no value in column "' || problem.column_title || '"'
        WHEN 'invalid_id' THEN '"' || problem.value_text || '" in column "' || problem.column_title
            || '" is not a Salesforce ID: ' || problem.note
        WHEN 'duplicate_id' THEN '"' || problem.value_text || '" in column "' || problem.column_title || '": ' || problem.note
        WHEN 'unparseable_date' THEN '"' || problem.value_text || '" in column "' || problem.column_title
            || '" is not a date written YYYY-MM-DD'
        WHEN 'unparseable_amount' THEN '"' || problem.value_text || '" in column "' || problem.column_title
            || '" is not an amount (accepted: 1250, 1250.50, 1,250.50, $1,250.50)'
        WHEN 'unparseable_payment_terms' THEN '"' || problem.value_text || '" in column "' || problem.column_title
            || '" is not payment terms (accepted: Net 30, 30, 30 days, Due on receipt)'
        WHEN 'unknown_status' THEN '"' || problem.value_text || '" in column "' || problem.column_title
            || '" is not a configured status text'
        WHEN 'completion_after_as_of' THEN '"' || problem.value_text || '" in column "' || problem.column_title
            || '" is after the run''s as-of date ' || problem.note
        WHEN 'formula_error' THEN 'column "' || problem.column_title || '" holds the formula error "' || problem.value_text || '"'
            || coalesce(' (' || problem.note || ')', '')
    END AS detail
FROM problems_described AS problem
JOIN tracker_rows
    ON tracker_rows.page_number = problem.page_number
    AND tracker_rows.row_id = problem.row_id
