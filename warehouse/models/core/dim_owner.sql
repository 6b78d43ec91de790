-- Grain: one person who owns a loaded engagement in some role (bridge_engagement_owner) or a loaded Salesforce
-- opportunity (fct_opportunity), identified by e-mail. owner_id = owner_key(e-mail) is stable across runs;
-- owner_email is lower-case (row-level security matches it). owner_name is the name seen most often (tracker
-- first, then Salesforce). owner_role is the tracker role the person holds most often (NULL for a Salesforce-only
-- owner); owner_roles lists every tracker role. team is the region of most of the person's engagements.
-- primary key: owner_id
-- max length: owner_id 32
WITH tracker_owner_rows AS (
    SELECT
        bridge.owner_id,
        bridge.owner_email,
        bridge.owner_name,
        bridge.owner_role,
        engagement_row.region
    FROM bridge_engagement_owner AS bridge
    JOIN int_tracker_rows_checked AS engagement_row
        ON engagement_row.deal_id = bridge.deal_id
        AND engagement_row.is_loadable
),

salesforce_owner_rows AS (
    SELECT
        owner_id,
        owner_email,
        owner_name,
        salesforce_owner_id
    FROM fct_opportunity
    WHERE owner_id IS NOT NULL
),

names_ranked AS (
    SELECT owner_id, owner_email, owner_name, 1 AS source_rank, count(*) AS seen
    FROM tracker_owner_rows
    WHERE owner_name IS NOT NULL
    GROUP BY ALL
    UNION ALL
    SELECT owner_id, owner_email, owner_name, 2 AS source_rank, count(*) AS seen
    FROM salesforce_owner_rows
    WHERE owner_name IS NOT NULL
    GROUP BY ALL
),

owner_people AS (
    SELECT owner_id, owner_email FROM tracker_owner_rows
    UNION
    SELECT owner_id, owner_email FROM salesforce_owner_rows
),

preferred_names AS (
    SELECT
        owner_id,
        first(owner_name ORDER BY source_rank, seen DESC, owner_name) AS owner_name
    FROM names_ranked
    GROUP BY owner_id
),

role_counts AS (
    SELECT owner_id, owner_role, count(*) AS role_count
    FROM tracker_owner_rows
    GROUP BY owner_id, owner_role
),

roles_held AS (
    SELECT
        owner_id,
        first(owner_role ORDER BY role_count DESC, owner_role) AS owner_role,
        string_agg(owner_role, ', ' ORDER BY owner_role) AS owner_roles
    FROM role_counts
    GROUP BY owner_id
),

region_counts AS (
    SELECT owner_id, region, count(*) AS engagement_count
    FROM tracker_owner_rows
    WHERE region IS NOT NULL
    GROUP BY owner_id, region
),

teams AS (
    SELECT
        owner_id,
        first(region ORDER BY engagement_count DESC, region) AS team
    FROM region_counts
    GROUP BY owner_id
),

salesforce_users AS (
    SELECT owner_id, min(salesforce_owner_id) AS salesforce_user_id
    FROM salesforce_owner_rows
    GROUP BY owner_id
)

SELECT
    owner_people.owner_id,
    preferred_names.owner_name,
    owner_people.owner_email,
    roles_held.owner_role,
    roles_held.owner_roles,
    teams.team,
    salesforce_users.salesforce_user_id
FROM owner_people
LEFT JOIN preferred_names USING (owner_id)
LEFT JOIN roles_held USING (owner_id)
LEFT JOIN teams USING (owner_id)
LEFT JOIN salesforce_users USING (owner_id)
