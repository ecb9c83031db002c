-- Rates as data (issue 21 §1): a rate table (meal operating subsidy per meal, institution operating subsidy per
-- resident-month, construction grant per bed by size tier) is a list of versions, each for the city (region_code
-- NULL, the default) or a district or street (an override: the most specific region wins), in force from a date.
-- A version is never edited: a change is a new version from a date not yet past, so no month already served is
-- repriced. Settlements and payment lines keep the amounts they were computed with.

CREATE TABLE rate_version (
    id              BIGSERIAL     PRIMARY KEY,
    rate_table      VARCHAR(24)   NOT NULL COLLATE "C",
    region_code     VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    effective_from  DATE          NOT NULL,
    -- settings of the table that come with its amounts, e.g. the ownerships receiving the operating subsidy
    choices         VARCHAR(40)[] NOT NULL DEFAULT '{}',
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)   NOT NULL
);
CREATE UNIQUE INDEX rate_version_uq ON rate_version (rate_table, COALESCE(region_code, ''), effective_from);

-- The amounts of a version, one per key of its table; NULL: not set (nothing is paid under that key).
CREATE TABLE rate_amount (
    version_id      BIGINT         NOT NULL REFERENCES rate_version (id),
    rate_key        VARCHAR(24)    NOT NULL COLLATE "C",
    amount          NUMERIC(12, 2) CHECK (amount >= 0),
    PRIMARY KEY (version_id, rate_key)
);

-- How specifically a rate's region (NULL: the city) covers a community: street 2, district 1, city 0; NULL when not.
CREATE FUNCTION rate_region_rank(p_region VARCHAR, p_community VARCHAR) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_region IS NULL THEN 0
        WHEN right(p_region, 3) = '000' AND right(p_region, 6) <> '000000' AND left(p_region, 9) = left(p_community, 9)
            THEN 2
        WHEN right(p_region, 6) = '000000' AND left(p_region, 6) = left(p_community, 6) THEN 1
    END
$$;

-- The version of a table in force for a community on a day: the most specific region (street, district, city), and
-- of its versions the latest from on or before the day; NULL when none.
CREATE FUNCTION rate_version_on(p_table VARCHAR, p_community VARCHAR, p_day DATE) RETURNS BIGINT
    LANGUAGE sql STABLE AS $$
    SELECT id FROM rate_version
    WHERE rate_table = p_table AND effective_from <= p_day AND rate_region_rank(region_code, p_community) IS NOT NULL
    ORDER BY rate_region_rank(region_code, p_community) DESC, effective_from DESC
    LIMIT 1
$$;

-- An amount in force for a community on a day; NULL when none is set.
CREATE FUNCTION rate_on(p_table VARCHAR, p_key VARCHAR, p_community VARCHAR, p_day DATE) RETURNS NUMERIC
    LANGUAGE sql STABLE AS $$
    SELECT amount FROM rate_amount WHERE version_id = rate_version_on(p_table, p_community, p_day) AND rate_key = p_key
$$;

-- Today's rows become the city's versions from 2000-01-01, so every month priced before prices the same after.
INSERT INTO rate_version (rate_table, region_code, effective_from, choices, created_by)
VALUES ('MEAL', NULL, DATE '2000-01-01', '{}', 'V42'),
       ('INSTITUTION_OPERATING', NULL, DATE '2000-01-01', '{PRIVATE}', 'V42'),
       ('CONSTRUCTION', NULL, DATE '2000-01-01', '{}', 'V42');

INSERT INTO rate_amount (version_id, rate_key, amount)
SELECT v.id, r.category, r.amount FROM meal_subsidy_rate r
JOIN rate_version v ON v.rate_table = 'MEAL' AND v.created_by = 'V42'
WHERE r.category = 'OPERATING';

INSERT INTO rate_amount (version_id, rate_key, amount)
SELECT v.id, r.category, r.amount FROM institution_subsidy_rate r
JOIN rate_version v ON v.rate_table = 'INSTITUTION_OPERATING' AND v.created_by = 'V42';

-- Seed 004's size tiers are legible only for the largest (3000 yuan a bed); the other two stay unset for the district
-- to set, unless an administrator had set them (a figure other than V16's placeholders is kept). Grants registered so
-- far keep their rate and amount (construction_grant.rate, .amount).
INSERT INTO rate_amount (version_id, rate_key, amount)
SELECT v.id, r.tier, CASE WHEN r.updated_by <> 'default' THEN r.amount WHEN r.tier = 'LARGE' THEN 3000 END
FROM institution_construction_rate r
JOIN rate_version v ON v.rate_table = 'CONSTRUCTION' AND v.created_by = 'V42';

DROP TABLE institution_subsidy_rate;
DROP TABLE institution_construction_rate;

-- the per-meal operating subsidy is the MEAL table's now; the per-meal subsidy by category stays with the categories
DELETE FROM meal_subsidy_rate WHERE category = 'OPERATING';
