-- Grain: one filled owner cell (a CONTACT_LIST column configured for an owner role) of one tracker row. Smartsheet
-- gives a contact's e-mail as the value and the name as the display value (with include=objectValue, also as
-- objectValue.email/name). owner_email is lower-cased, and NULL when the cell holds free text rather than an
-- e-mail address ("TBD"); owner_name falls back to the text as typed.
WITH owner_cells AS (
    SELECT
        page_number,
        row_id,
        owner_role,
        value_text,
        coalesce(clean_text(object_value ->> '$.email'), clean_text(object_value ->> '$.values[0].email'), value_text) AS contact_email,
        coalesce(clean_text(object_value ->> '$.name'), clean_text(object_value ->> '$.values[0].name'), display_value, value_text) AS contact_name
    FROM stg_smartsheet__tracker_cells
    WHERE field = 'owner'
        AND (value_text IS NOT NULL OR object_value IS NOT NULL)
)

SELECT
    page_number,
    row_id,
    owner_role,
    value_text AS owner_text,
    CASE WHEN regexp_full_match(contact_email, '[^@\s]+@[^@\s]+\.[^@\s]+') THEN lower(contact_email) END AS owner_email,
    contact_name AS owner_name
FROM owner_cells
