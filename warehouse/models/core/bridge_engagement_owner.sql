-- Grain: one loaded engagement (deal_id) × one owner role whose tracker cell names a person by e-mail. The path from
-- a person (dim_owner, by e-mail: row-level security) to the engagements they own in any role.
-- max length: deal_id 18, owner_id 32
SELECT
    checked.deal_id,
    tracker_owner.owner_role,
    owner_key(tracker_owner.owner_email) AS owner_id,
    tracker_owner.owner_email,
    tracker_owner.owner_name
FROM stg_smartsheet__tracker_owners AS tracker_owner
JOIN int_tracker_rows_checked AS checked
    ON checked.page_number = tracker_owner.page_number
    AND checked.row_id = tracker_owner.row_id
WHERE checked.is_loadable
    AND tracker_owner.owner_email IS NOT NULL
