-- Surrogate keys that must be computed the same way wherever they are used.

-- owner_key(email): the stable key of a person (dim_owner.owner_id): the MD5 of the trimmed, lower-cased e-mail, so the
-- same person from the tracker and from Salesforce is one owner, and the key survives a change of name.
CREATE OR REPLACE MACRO owner_key(email) AS md5(lower(trim(email)));
