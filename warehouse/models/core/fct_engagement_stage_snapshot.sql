-- Grain: one engagement × one configured stage × one run as-of date (snapshot_date): fct_engagement_stage as each
-- run saw it, kept across runs, for aging and throughput trends. A run replaces the rows of its own as-of date and
-- leaves the other dates alone, so re-running a date gives that date's rows once, as the last run saw them
-- (Materialization.Incremental). snapshot_date = as_of; engagement_version_key is the dim_engagement version that was
-- current on that date. Exported as Parquet partitioned by snapshot_date (snapshot_date=YYYY-MM-DD/).
-- materialized: incremental
-- replace_where: snapshot_date = (SELECT as_of FROM cfg_run)
SELECT
    fact.as_of AS snapshot_date,
    fact.*
FROM fct_engagement_stage AS fact
