-- Grain: one pair of opportunity stages (from_stage_name → to_stage_name) that at least one opportunity not deleted
-- moved between directly (int_opportunity_stage_stays). Stage-to-stage conversion: converted_count opportunities that
-- moved from the one stage straight to the other (once each, however often), stage_conversion_pct = converted_count ÷
-- the opportunities that entered from_stage_name at all (mart_opportunity_stage_duration.entered_count, those still in
-- it included), as a percentage to one decimal. Empty when Salesforce is not loaded.
WITH stage_entries AS (
    SELECT
        stage_name,
        count(DISTINCT opportunity_id) AS entered_count
    FROM int_opportunity_stage_stays
    GROUP BY stage_name
),

stage_moves AS (
    SELECT
        stage_name AS from_stage_name,
        next_stage_name AS to_stage_name,
        count(DISTINCT opportunity_id) AS converted_count
    FROM int_opportunity_stage_stays
    WHERE next_stage_name IS NOT NULL
    GROUP BY ALL
)

SELECT
    moves.from_stage_name,
    moves.to_stage_name,
    moves.converted_count,
    round(100.0 * moves.converted_count / entries.entered_count, 1)::DOUBLE AS stage_conversion_pct
FROM stage_moves AS moves
JOIN stage_entries AS entries
    ON entries.stage_name = moves.from_stage_name
ORDER BY moves.from_stage_name, moves.to_stage_name
