-- Surrogate keys that must be computed the same way wherever they are used.

-- owner_key(email): the stable key of a person (dim_owner.owner_id): the MD5 of the trimmed, lower-cased e-mail, so the
-- same person from the tracker and from Salesforce is one owner, and the key survives a change of name.
CREATE OR REPLACE MACRO owner_key(email) AS md5(lower(trim(email)));

-- date_key(d): dim_date.date_key of a date (yyyymmdd as an integer, e.g. 20250701); NULL for NULL. Facts carry it
-- next to each date so that a BI model can relate them to dim_date on an integer key.
CREATE OR REPLACE MACRO date_key(d) AS CAST(year(d) * 10000 + month(d) * 100 + day(d) AS INTEGER);
