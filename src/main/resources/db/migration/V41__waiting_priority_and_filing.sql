-- Issue 21 §6: the waiting list's priority as ordered rules (data), and institutions registered by filing (备案).

-- The order in which the public waiting list (公开轮候, seed 002) ranks elders: each rule one row with its rank
-- (1 first); an elder is ranked by the first rule they match, then by application date. An order holds from
-- effective_from; region_code NULL is the default for every district, a district's own order replaces it from its date.
-- Orders are never edited: a new order from a later day is inserted, so the order that held on any day stays visible.
CREATE TABLE waiting_priority_rule (
    id               BIGSERIAL     PRIMARY KEY,
    region_code      VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    effective_from   DATE          NOT NULL,
    rule             VARCHAR(24)   NOT NULL CHECK (rule IN ('EXTREME_POVERTY', 'GOVERNMENT_SUPPORTED', 'DISABLED',
                                                            'OLD_AGE', 'FAMILY_PLANNING', 'SPECIAL_CARE')),
    rank             SMALLINT      NOT NULL CHECK (rank BETWEEN 1 AND 6),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL
);
CREATE UNIQUE INDEX waiting_priority_rule_uq
    ON waiting_priority_rule (COALESCE(region_code, ''), effective_from, rule);
CREATE UNIQUE INDEX waiting_priority_rank_uq
    ON waiting_priority_rule (COALESCE(region_code, ''), effective_from, rank);

-- the default (issue 21 §6): 特困 first, then 低保 / 低保边缘, 失能 (level 3–4), 高龄 (80+), 计生特殊家庭, 优抚对象
INSERT INTO waiting_priority_rule (region_code, effective_from, rule, rank, created_by)
VALUES (NULL, DATE '2000-01-01', 'EXTREME_POVERTY', 1, 'system'),
       (NULL, DATE '2000-01-01', 'GOVERNMENT_SUPPORTED', 2, 'system'),
       (NULL, DATE '2000-01-01', 'DISABLED', 3, 'system'),
       (NULL, DATE '2000-01-01', 'OLD_AGE', 4, 'system'),
       (NULL, DATE '2000-01-01', 'FAMILY_PLANNING', 5, 'system'),
       (NULL, DATE '2000-01-01', 'SPECIAL_CARE', 6, 'system');

-- Institutions are filed (备案: date and receipt number); the 设立许可 licence was abolished (seed 003). The old
-- licence_number / licence_date stay as they are: shown as the former licence, no longer asked for. Nothing moves.
ALTER TABLE institution
    ADD COLUMN filing_date     DATE,
    ADD COLUMN filing_receipt  VARCHAR(60),
    ADD CONSTRAINT institution_filing_complete CHECK ((filing_date IS NULL) = (filing_receipt IS NULL));
