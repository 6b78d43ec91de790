-- Salesforce record IDs: the 15-character form (case-sensitive, as pasted from a URL) and the 18-character form
-- (the 15 characters plus a 3-character case checksum, case-insensitively unique). The C# twin is
-- etl/C2C.Analytics.Pipeline/Ids/SalesforceId.cs; tests check that both agree on many random IDs.
--
-- Checksum: split the first 15 characters into three chunks of 5; in each chunk, bit i (i = 0..4) is set when
-- character i is an upper-case A-Z; the 5-bit value indexes 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'.

-- sf_id_suffix(id15): the 3-character checksum of a 15-character ID (no validation: callers check the shape first).
CREATE OR REPLACE MACRO sf_id_suffix(id15) AS
    substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 1
        + (substr(id15, 1, 1) BETWEEN 'A' AND 'Z')::INTEGER
        + (substr(id15, 2, 1) BETWEEN 'A' AND 'Z')::INTEGER * 2
        + (substr(id15, 3, 1) BETWEEN 'A' AND 'Z')::INTEGER * 4
        + (substr(id15, 4, 1) BETWEEN 'A' AND 'Z')::INTEGER * 8
        + (substr(id15, 5, 1) BETWEEN 'A' AND 'Z')::INTEGER * 16, 1)
    || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 1
        + (substr(id15, 6, 1) BETWEEN 'A' AND 'Z')::INTEGER
        + (substr(id15, 7, 1) BETWEEN 'A' AND 'Z')::INTEGER * 2
        + (substr(id15, 8, 1) BETWEEN 'A' AND 'Z')::INTEGER * 4
        + (substr(id15, 9, 1) BETWEEN 'A' AND 'Z')::INTEGER * 8
        + (substr(id15, 10, 1) BETWEEN 'A' AND 'Z')::INTEGER * 16, 1)
    || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ012345', 1
        + (substr(id15, 11, 1) BETWEEN 'A' AND 'Z')::INTEGER
        + (substr(id15, 12, 1) BETWEEN 'A' AND 'Z')::INTEGER * 2
        + (substr(id15, 13, 1) BETWEEN 'A' AND 'Z')::INTEGER * 4
        + (substr(id15, 14, 1) BETWEEN 'A' AND 'Z')::INTEGER * 8
        + (substr(id15, 15, 1) BETWEEN 'A' AND 'Z')::INTEGER * 16, 1);

-- sf_id18(id): the 18-character ID, or NULL when the text is not a Salesforce ID.
--   * surrounding white space is ignored (the characters clean_text trims);
--   * 15 ASCII letters/digits: the checksum is appended;
--   * 18 ASCII letters/digits: valid only when its last 3 characters (compared case-insensitively) are the checksum of
--     its first 15; the result carries the canonical (upper-case) checksum. An 18-character ID whose checksum does not
--     match is NULL (invalid): it was retyped or its case was changed, and guessing which record it meant could join
--     a tracker row to the wrong deal;
--   * anything else (other lengths, punctuation, inner spaces, non-ASCII letters) is NULL.
CREATE OR REPLACE MACRO sf_id__trimmed(id) AS
    trim(id, chr(32) || chr(9) || chr(10) || chr(13) || chr(160) || chr(8203) || chr(8239) || chr(65279));

-- sf_id__canonical(t): sf_id18 of an ID already trimmed. The 18-character form's checksum is compared with the one
-- computed and then kept, upper-cased: equal to appending the computed one, and computed once instead of twice.
CREATE OR REPLACE MACRO sf_id__canonical(t) AS
    CASE
        WHEN regexp_full_match(t, '[A-Za-z0-9]{15}')
            THEN t || sf_id_suffix(t)
        WHEN regexp_full_match(t, '[A-Za-z0-9]{18}') AND upper(substr(t, 16, 3)) = sf_id_suffix(t)
            THEN substr(t, 1, 15) || upper(substr(t, 16, 3))
    END;

-- An ID with nothing to trim (almost every one) skips the trim: trim() with a character set is costly, and a macro
-- argument is evaluated wherever it appears (sf_id_suffix reads its argument 15 times).
CREATE OR REPLACE MACRO sf_id18(id) AS
    CASE
        WHEN regexp_full_match(id, '[A-Za-z0-9]{15}|[A-Za-z0-9]{18}') THEN sf_id__canonical(id)
        ELSE sf_id__canonical(sf_id__trimmed(id))
    END;
