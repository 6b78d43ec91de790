-- Casting source text to typed values. Each returns NULL when the text is not in an accepted form, so that a model
-- can tell "empty" (the text is NULL) from "unparseable" (the text is set, the value is NULL) and reject the latter.

-- parse_iso_date(s): a date written YYYY-MM-DD (as Smartsheet DATE cells and Salesforce date fields carry it).
-- Anything else — 03/15/2024, 15.03.2024, 2024-3-5, 2024-02-30, free text — is NULL: day/month order cannot be
-- guessed safely.
CREATE OR REPLACE MACRO parse_iso_date(s) AS
    CASE WHEN regexp_full_match(s, '\d{4}-\d{2}-\d{2}') THEN try_cast(s AS DATE) END;

-- parse_amount(s): a money amount as DECIMAL(18,2), rounded to the cent. Accepted: a number as a JSON number writes
-- it (125000, 48000.5, 1.5E5) or as text with an optional minus sign, an optional currency symbol ($ € £ ¥) and
-- optional comma thousands separators in groups of three with a point for decimals (1250, 1,250.00, $1,250.00,
-- -$50). Not accepted: a comma as decimal separator or a point/space as thousands separator (1.250,00, 1 250,00 —
-- ambiguous with the form above), currency codes, words, more than 16 digits before the point.
CREATE OR REPLACE MACRO parse_amount(s) AS
    CASE
        WHEN regexp_full_match(s, '-?[$€£¥]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?')
            THEN try_cast(regexp_replace(s, '[$€£¥,]', '', 'g') AS DECIMAL(18, 2))
        WHEN regexp_full_match(s, '-?\d+(\.\d+)?[eE][+-]?\d+')
            THEN try_cast(s AS DECIMAL(18, 2))
    END;

-- parse_payment_terms_days(s): payment terms as a number of calendar days: "Net 30", "NET45", "net 60 days", "30",
-- "30 days" (up to 999), and "Due on receipt" / "Immediate" as 0. Anything else is NULL.
CREATE OR REPLACE MACRO parse_payment_terms_days(s) AS
    CASE
        WHEN regexp_full_match(lower(s), '(net\s*)?\d{1,3}(\s*days?)?')
            THEN CAST(regexp_extract(s, '\d{1,3}') AS INTEGER)
        WHEN lower(s) IN ('due on receipt', 'immediate')
            THEN 0
    END;

-- sf_timestamp(s): a Salesforce datetime ("2024-05-01T12:34:56.000+0000"; also "…Z", "+00:00", no fraction) as a
-- TIMESTAMP in UTC. Converted with an explicit zone, so the session's TimeZone setting cannot shift it.
-- The form Salesforce sends ("….000+0000") is parsed by one format first, and the instant taken as UTC by arithmetic
-- (make_timestamp of its epoch microseconds, which is what timezone('UTC', …) gives): several times cheaper than the
-- list of formats and the time zone lookup, which remain for every other text ("…Z" among them: %z does not read Z).
-- A text the one format reads, the list reads alike: it tries that format first, on the same text.
CREATE OR REPLACE MACRO sf_timestamp(s) AS
    coalesce(
        make_timestamp(epoch_us(try_strptime(s, '%Y-%m-%dT%H:%M:%S.%f%z'))),
        timezone('UTC', try_strptime(regexp_replace(s, 'Z$', '+0000'), ['%Y-%m-%dT%H:%M:%S.%f%z', '%Y-%m-%dT%H:%M:%S%z'])));

-- smartsheet_formula_error(value_text, formula): true when a cell holds a formula's error text instead of a value.
-- Smartsheet returns calculation errors as the cell value ("#INVALID DATA TYPE", "#CIRCULAR REFERENCE"). A cell
-- with a formula whose value looks like "#SOME WORDS" is an error; without a formula (a pasted value, or a column
-- formula not reported on the cell) only Smartsheet's documented error texts count, so a note such as "#URGENT"
-- stays a note.
CREATE OR REPLACE MACRO smartsheet_formula_error(value_text, formula) AS
    coalesce(
        (formula IS NOT NULL AND regexp_full_match(value_text, '#[A-Z][A-Z0-9 /-]*'))
        OR value_text IN (
            '#BLOCKED', '#BOOLEAN EXPECTED', '#CALCULATING', '#CIRCULAR REFERENCE', '#CONTACT EXPECTED',
            '#DATE EXPECTED', '#DIVIDE BY ZERO', '#IMBALANCED', '#INCORRECT ARGUMENT SET', '#INVALID COLUMN VALUE',
            '#INVALID DATA TYPE', '#INVALID OPERATION', '#INVALID REF', '#INVALID VALUE', '#MISSING PARAMETER',
            '#NESTED CRITERIA', '#NO MATCH', '#NUMBER EXPECTED', '#PERMISSION ERROR', '#REF', '#TOO BIG',
            '#UNPARSEABLE', '#UNSUPPORTED CROSS-SHEET FORMULA'),
        false);
