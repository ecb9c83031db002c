-- Registry facts that visiting rosters (and subsidy rules) test: the disability certificate (残疾人证: category
-- and level 1–4, both or neither), 留守 (children living away), 计划生育特殊家庭 with a disabled only child (伤残;
-- 失独 is lost_only_child), 优抚对象, and a serious illness. Defaults keep every existing elder as before.
ALTER TABLE elder
    ADD COLUMN disability_category      VARCHAR(12)
        CHECK (disability_category IN ('VISUAL', 'HEARING', 'SPEECH', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE')),
    ADD COLUMN disability_level         SMALLINT CHECK (disability_level BETWEEN 1 AND 4),
    ADD COLUMN left_behind              BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN only_child_disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN special_care_recipient   BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN serious_illness          BOOLEAN NOT NULL DEFAULT FALSE,
    ADD CONSTRAINT elder_disability_both CHECK ((disability_category IS NULL) = (disability_level IS NULL));

-- 重度残疾 (levels 1–2) living alone is a default visiting rule: a small partial index serves it
CREATE INDEX elder_disability_idx ON elder (disability_level, community_code) WHERE disability_level IS NOT NULL;
