-- Indicators as the seeds and national statistics define them (issue 21 §4).

-- 1. The ageing ratio counts registered (户籍, local) elders against the registered population: the birth tally
--    keeps local and non-local elders apart (the dashboard sums both for the elder counts, local only for the ratio).
ALTER TABLE elder_birth_tally DROP CONSTRAINT elder_birth_tally_pkey;
TRUNCATE elder_birth_tally;
ALTER TABLE elder_birth_tally ADD COLUMN hukou_local BOOLEAN NOT NULL;
INSERT INTO elder_birth_tally (community_code, sex, birth_month, hukou_local, elders)
SELECT community_code, sex, date_trunc('month', birth_date)::date, hukou_local, count(*)
FROM elder WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3, 4;
ALTER TABLE elder_birth_tally ADD PRIMARY KEY (community_code, sex, birth_month, hukou_local);

CREATE OR REPLACE FUNCTION elder_dashboard_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO elder_birth_tally AS t (community_code, sex, birth_month, hukou_local, elders)
        SELECT community_code, sex, date_trunc('month', birth_date)::date, hukou_local, -count(*) FROM old_rows
        WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (community_code, sex, birth_month, hukou_local) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
        INSERT INTO elder_status_tally AS t (community_code, economic_status, capability_level, elders)
        SELECT community_code, economic_status, coalesce(capability_level, -1), -count(*) FROM old_rows
        WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (community_code, economic_status, capability_level) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO elder_birth_tally AS t (community_code, sex, birth_month, hukou_local, elders)
        SELECT community_code, sex, date_trunc('month', birth_date)::date, hukou_local, count(*) FROM new_rows
        WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (community_code, sex, birth_month, hukou_local) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
        INSERT INTO elder_status_tally AS t (community_code, economic_status, capability_level, elders)
        SELECT community_code, economic_status, coalesce(capability_level, -1), count(*) FROM new_rows
        WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (community_code, economic_status, capability_level) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
    END IF;
    RETURN NULL;
END;
$$;

-- 2. Official statistics per region and year (a county may not have every elder in the registry yet): where given,
--    the ratios use them as the denominator; the dashboard shows them beside the registry's own counts.
CREATE TABLE region_statistic (
    region_code            VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    year                   SMALLINT      NOT NULL CHECK (year BETWEEN 1949 AND 2200),
    registered_population  INTEGER       NOT NULL CHECK (registered_population > 0),
    elders_60              INTEGER       NOT NULL CHECK (elders_60 >= 0),
    elders_80              INTEGER       CHECK (elders_80 >= 0),
    source                 VARCHAR(200)  NOT NULL,
    published_on           DATE          NOT NULL,
    updated_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by             VARCHAR(50)   NOT NULL,
    PRIMARY KEY (region_code, year),
    CHECK (elders_60 <= registered_population),
    CHECK (elders_80 IS NULL OR elders_80 <= elders_60)
);

-- 3. Dedicated elder-care staff per region (seed 002): the district guidance centre, each street centre and each
--    community station record their own; the street rows recorded so far keep their figures.
ALTER TABLE street_care_staff RENAME TO region_care_staff;
ALTER TABLE region_care_staff RENAME COLUMN street_code TO region_code;

-- 4. Settings of the indicators, per region with effective dates like the targets (nearest region wins, a row
--    without region is the default). Values are numbers; a yes/no setting is 1 or 0.
CREATE TABLE indicator_setting (
    id              BIGSERIAL      PRIMARY KEY,
    setting         VARCHAR(40)    NOT NULL,
    region_code     VARCHAR(12)    COLLATE "C" REFERENCES region (code),
    value           NUMERIC(12, 4) NOT NULL CHECK (value >= 0),
    effective_from  DATE           NOT NULL,
    effective_to    DATE           CHECK (effective_to > effective_from),
    source          VARCHAR(200),
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)    NOT NULL
);
CREATE UNIQUE INDEX indicator_setting_start_uq ON indicator_setting (setting, COALESCE(region_code, ''), effective_from);

INSERT INTO indicator_setting (setting, region_code, value, effective_from, source, created_by) VALUES
    ('FRINGE_IS_CENTRAL', NULL, 0, DATE '2016-01-01', '种子文件 001：日间照料覆盖中心城区社区（112 城乡结合区由区决定是否计入）', 'system'),
    ('NURSING_INSTITUTION_SHARE', NULL, 0.5, DATE '2016-01-01', '护理型养老机构：护理型床位占本机构床位的比例下限（种子文件未定义，由区设定）', 'system'),
    ('STAFF_DISTRICT', NULL, 2, DATE '2016-01-01', '种子文件 002：区养老服务指导中心增设 2 名专职养老工作人员', 'system'),
    ('STAFF_AGING_THRESHOLD', NULL, 0.20, DATE '2016-01-01', '种子文件 002：60 周岁以上老年人口占户籍人口比例 20%', 'system'),
    ('STAFF_STREET_BELOW', NULL, 1, DATE '2016-01-01', '种子文件 002：20% 以下的街道配备 1 名', 'system'),
    ('STAFF_STREET_FROM', NULL, 2, DATE '2016-01-01', '种子文件 002：20% 以上的街道配备 2 名', 'system'),
    ('STAFF_COMMUNITY_ELDERS', NULL, 100, DATE '2016-01-01', '种子文件 002：政府购买服务老年人达到 100 人的社区配备 1 名', 'system');

-- 5. Targets of the new indicators (seeds 001 and 002).
INSERT INTO indicator_target (indicator, region_code, target, effective_from, source, created_by) VALUES
    ('NURSING_INSTITUTIONS', NULL, 4, DATE '2016-01-01', '种子文件 002：至少有 4 家护理型养老机构', 'system'),
    ('FACILITY_STREETS', NULL, 0.80, DATE '2016-01-01', '种子文件 001：80% 以上的乡镇街区建立养老服务设施和站点', 'system'),
    ('FACILITY_RURAL', NULL, 0.60, DATE '2016-01-01', '种子文件 001：60% 以上农村社区建立养老服务设施和站点', 'system');
