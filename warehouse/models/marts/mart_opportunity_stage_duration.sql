-- Grain: one opportunity stage (StageName) that an opportunity not deleted has entered (int_opportunity_stage_stays).
-- Days in each opportunity stage (stage_duration_days, calendar days): over the stays that ended (the opportunity
-- moved on to another stage) completed_stay_count, stage_duration_days_avg and stage_duration_days_median; over the
-- open opportunities in the stage now, open_stay_count and open_stay_days_avg (days so far, to the run's as-of date).
-- entered_count counts the opportunities that entered the stage (once each, however often). stage_probability is the
-- median Probability recorded with the stage, to sort the stages by. Empty when Salesforce is not loaded.
SELECT
    stage_name,
    median(probability)::DECIMAL(5, 2) AS stage_probability,
    count(DISTINCT opportunity_id) AS entered_count,
    count(*) FILTER (WHERE stage_exited_at IS NOT NULL) AS completed_stay_count,
    round(avg(stage_duration_days) FILTER (WHERE stage_exited_at IS NOT NULL), 1)::DOUBLE AS stage_duration_days_avg,
    (quantile_cont(stage_duration_days, 0.5) FILTER (WHERE stage_exited_at IS NOT NULL))::DOUBLE AS stage_duration_days_median,
    count(*) FILTER (WHERE stage_exited_at IS NULL AND stage_duration_days IS NOT NULL) AS open_stay_count,
    round(avg(stage_duration_days) FILTER (WHERE stage_exited_at IS NULL), 1)::DOUBLE AS open_stay_days_avg
FROM int_opportunity_stage_stays
GROUP BY stage_name
ORDER BY stage_probability NULLS LAST, stage_name
