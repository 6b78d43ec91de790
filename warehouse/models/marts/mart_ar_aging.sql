-- Grain: one AR aging bucket (every bucket has a row, zeros included): the invoiced, unpaid engagements
-- (int_engagement_cash.is_awaiting_payment) by calendar days past the invoice due date (invoice date + payment
-- terms): current (not yet past due), 1-30, 31-60, 61-90, 90+, and unknown (no invoice date or no payment terms).
-- amount_reporting in the reporting currency; unconverted_count invoices left out of it for want of a rate.
WITH buckets (ar_aging_bucket, ar_aging_bucket_order) AS (
    VALUES ('current', 1), ('1-30', 2), ('31-60', 3), ('61-90', 4), ('90+', 5), ('unknown', 6)
),

receivables AS (
    SELECT
        ar_aging_bucket,
        count(*) AS invoice_count,
        sum(contract_value_reporting) FILTER (WHERE has_rate) AS amount_reporting,
        count(*) FILTER (WHERE NOT has_rate) AS unconverted_count
    FROM int_engagement_cash
    WHERE is_awaiting_payment
    GROUP BY ar_aging_bucket
)

SELECT
    buckets.ar_aging_bucket,
    buckets.ar_aging_bucket_order,
    coalesce(receivables.invoice_count, 0) AS invoice_count,
    coalesce(receivables.amount_reporting, 0)::DECIMAL(18,2) AS amount_reporting,
    coalesce(receivables.unconverted_count, 0) AS unconverted_count
FROM buckets
LEFT JOIN receivables USING (ar_aging_bucket)
ORDER BY buckets.ar_aging_bucket_order
