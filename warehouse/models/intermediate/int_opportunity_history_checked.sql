-- Grain: one OpportunityHistory record as landed (stg_salesforce__opportunity_history), with the list of its problems
-- and is_loadable = no problem. Reasons: missing_id (no Id, or no OpportunityId), invalid_id (OpportunityId is not a
-- Salesforce ID), duplicate_id (the same Id landed more than once: the copy with the latest SystemModstamp loads,
-- then the later file and position), unparseable_date, unparseable_amount, unparseable_number.
WITH copies_ranked AS (
    SELECT
        *,
        row_number() OVER (
            PARTITION BY history_id
            ORDER BY system_modstamp DESC NULLS LAST, file_name DESC, record_index DESC
        ) AS copy_rank
    FROM stg_salesforce__opportunity_history
),

problems_listed AS (
    SELECT
        *,
        list_filter([
            CASE WHEN history_id IS NULL THEN
                {'field': 'Id', 'reason': 'missing_id', 'detail': 'the record has no Id'} END,
            CASE WHEN history_id IS NOT NULL AND copy_rank > 1 THEN
                {'field': 'Id', 'reason': 'duplicate_id', 'detail': 'history record ' || history_id
                    || ' landed more than once in this run; a newer copy (by SystemModstamp) loads instead'} END,
            CASE WHEN opportunity_id_raw IS NULL THEN
                {'field': 'OpportunityId', 'reason': 'missing_id', 'detail': 'the record has no OpportunityId'} END,
            CASE WHEN opportunity_id_raw IS NOT NULL AND opportunity_id IS NULL THEN
                {'field': 'OpportunityId', 'reason': 'invalid_id', 'detail': '"' || opportunity_id_raw || '" in field OpportunityId is not a Salesforce ID'} END,
            CASE WHEN amount_raw IS NOT NULL AND amount IS NULL THEN
                {'field': 'Amount', 'reason': 'unparseable_amount', 'detail': '"' || amount_raw || '" in field Amount is not an amount'} END,
            CASE WHEN expected_revenue_raw IS NOT NULL AND expected_revenue IS NULL THEN
                {'field': 'ExpectedRevenue', 'reason': 'unparseable_amount', 'detail': '"' || expected_revenue_raw || '" in field ExpectedRevenue is not an amount'} END,
            CASE WHEN prev_amount_raw IS NOT NULL AND prev_amount IS NULL THEN
                {'field': 'PrevAmount', 'reason': 'unparseable_amount', 'detail': '"' || prev_amount_raw || '" in field PrevAmount is not an amount'} END,
            CASE WHEN probability_raw IS NOT NULL AND probability IS NULL THEN
                {'field': 'Probability', 'reason': 'unparseable_number', 'detail': '"' || probability_raw || '" in field Probability is not a percentage'} END,
            CASE WHEN close_date_raw IS NOT NULL AND close_date IS NULL THEN
                {'field': 'CloseDate', 'reason': 'unparseable_date', 'detail': '"' || close_date_raw || '" in field CloseDate is not a date written YYYY-MM-DD'} END,
            CASE WHEN prev_close_date_raw IS NOT NULL AND prev_close_date IS NULL THEN
                {'field': 'PrevCloseDate', 'reason': 'unparseable_date', 'detail': '"' || prev_close_date_raw || '" in field PrevCloseDate is not a date written YYYY-MM-DD'} END,
            CASE WHEN created_at_raw IS NOT NULL AND created_at IS NULL THEN
                {'field': 'CreatedDate', 'reason': 'unparseable_date', 'detail': '"' || created_at_raw || '" in field CreatedDate is not a Salesforce datetime'} END,
            CASE WHEN system_modstamp_raw IS NOT NULL AND system_modstamp IS NULL THEN
                {'field': 'SystemModstamp', 'reason': 'unparseable_date', 'detail': '"' || system_modstamp_raw || '" in field SystemModstamp is not a Salesforce datetime'} END
        ], lambda problem: problem IS NOT NULL) AS problems
    FROM copies_ranked
)

SELECT
    * EXCLUDE (copy_rank),
    len(problems) = 0 AS is_loadable
FROM problems_listed
