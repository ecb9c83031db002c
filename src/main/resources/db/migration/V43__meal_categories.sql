-- Meal categories as data (issue 21 §3): a region's categories from a date are an ordered list of rules over the
-- elder's attributes (the subsidy policies' criteria JSON), each with its name and its subsidy per meal; the first
-- category whose criteria the elder meets on the day is the meal's. The city's list (region_code NULL) is the
-- default; a district's or a street's list takes precedence (rate_region_rank, V42). A list is never edited: a change
-- is a new list from a date not yet past. A meal keeps the category row it was served under, and with it its price.

CREATE TABLE meal_category (
    id              BIGSERIAL     PRIMARY KEY,
    region_code     VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    effective_from  DATE          NOT NULL,
    position        SMALLINT      NOT NULL CHECK (position BETWEEN 1 AND 20),
    name_zh         VARCHAR(40)   NOT NULL,
    name_en         VARCHAR(60)   NOT NULL,
    criteria        JSONB         NOT NULL,
    amount          NUMERIC(8, 2) NOT NULL CHECK (amount >= 0),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)   NOT NULL
);
CREATE UNIQUE INDEX meal_category_uq ON meal_category (COALESCE(region_code, ''), effective_from, position);

-- today's three categories with today's amounts, for the city from 2000-01-01: every meal keeps its price
INSERT INTO meal_category (region_code, effective_from, position, name_zh, name_en, criteria, amount, created_by)
SELECT NULL, DATE '2000-01-01', d.position, d.name_zh, d.name_en, CAST(d.criteria AS jsonb), r.amount, 'V43'
FROM (VALUES
    (1, 'POVERTY', '特困、低保老人', 'Extreme poverty or minimum living allowance',
     '{"connective":"AND","groups":[{"connective":"AND","criteria":[{"attribute":"ECONOMIC_STATUS","operator":"IN","values":["EXTREME_POVERTY","MINIMUM_LIVING"]}]}]}'),
    (2, 'AGE_80', '80 周岁以上', '80 and over',
     '{"connective":"AND","groups":[{"connective":"AND","criteria":[{"attribute":"AGE","operator":"GE","values":["80"]}]}]}'),
    (3, 'AGE_60', '60–79 周岁', '60 to 79',
     '{"connective":"AND","groups":[]}')
) AS d (position, code, name_zh, name_en, criteria)
JOIN meal_subsidy_rate r ON r.category = d.code;

-- each meal points at the row of its old category; NULL from now on when an elder meets no category (no subsidy)
ALTER TABLE meal ADD COLUMN category_id BIGINT REFERENCES meal_category (id);
UPDATE meal m SET category_id = c.id
FROM meal_category c
WHERE c.region_code IS NULL AND c.effective_from = DATE '2000-01-01'
  AND c.position = CASE m.category WHEN 'POVERTY' THEN 1 WHEN 'AGE_80' THEN 2 ELSE 3 END;
ALTER TABLE meal DROP COLUMN category;

DROP TABLE meal_subsidy_rate;
