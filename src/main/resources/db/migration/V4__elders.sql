-- Elder registry (老年人信息) and capability assessments (能力评估, GB/T 42195-2022).
-- Codes compared with LIKE 'prefix%' use the C collation so that btree indexes serve the prefix match.
CREATE TABLE elder (
    id                  BIGSERIAL     PRIMARY KEY,
    resident_id         VARCHAR(18)   NOT NULL COLLATE "C" CHECK (resident_id ~ '^[0-9]{17}[0-9X]$'),
    name                VARCHAR(50)   NOT NULL,
    sex                 VARCHAR(6)    NOT NULL CHECK (sex IN ('MALE', 'FEMALE')),
    birth_date          DATE          NOT NULL,
    ethnicity           VARCHAR(20),
    phone               VARCHAR(30),
    hukou_region_code   VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    hukou_local         BOOLEAN       NOT NULL,
    community_code      VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    address             VARCHAR(200),
    living_arrangement  VARCHAR(16)   NOT NULL CHECK (living_arrangement IN ('ALONE', 'EMPTY_NEST', 'WITH_FAMILY')),
    solitary            BOOLEAN       NOT NULL DEFAULT FALSE,
    lost_only_child     BOOLEAN       NOT NULL DEFAULT FALSE,
    economic_status     VARCHAR(20)   NOT NULL
        CHECK (economic_status IN ('EXTREME_POVERTY', 'MINIMUM_LIVING', 'MARGINAL', 'LOW_INCOME', 'NONE')),
    income_per_person   NUMERIC(10, 2) CHECK (income_per_person >= 0),
    guardian_name       VARCHAR(50),
    guardian_relation   VARCHAR(20),
    guardian_phone      VARCHAR(30),
    emergency_name      VARCHAR(50),
    emergency_phone     VARCHAR(30),
    life_status         VARCHAR(10)   NOT NULL DEFAULT 'ACTIVE' CHECK (life_status IN ('ACTIVE', 'DECEASED', 'MOVED_OUT')),
    life_status_date    DATE,
    life_status_reason  VARCHAR(200),
    -- the level of the latest assessment, kept with it in one transaction so that search can filter on it
    capability_level    INTEGER       CHECK (capability_level BETWEEN 0 AND 4),
    notes               VARCHAR(1000),
    demo                BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by          VARCHAR(50)   NOT NULL,
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by          VARCHAR(50)   NOT NULL,
    version             BIGINT        NOT NULL DEFAULT 0,
    CHECK ((life_status = 'ACTIVE') = (life_status_date IS NULL))
);

CREATE UNIQUE INDEX elder_resident_id_uq ON elder (resident_id);
-- last 4–6 digits of the ID: a prefix match on the reversed number
CREATE INDEX elder_resident_id_reversed_idx ON elder (reverse(resident_id) COLLATE "C");
CREATE INDEX elder_community_idx ON elder (community_code, id);
CREATE INDEX elder_name_idx ON elder (name COLLATE "C", id);
CREATE INDEX elder_birth_date_idx ON elder (birth_date);
CREATE INDEX elder_economic_status_idx ON elder (economic_status, community_code) WHERE economic_status <> 'NONE';
CREATE INDEX elder_living_arrangement_idx ON elder (living_arrangement, community_code) WHERE living_arrangement <> 'WITH_FAMILY';
CREATE INDEX elder_capability_idx ON elder (capability_level, community_code) WHERE capability_level IS NOT NULL;
CREATE INDEX elder_life_status_idx ON elder (life_status, community_code) WHERE life_status <> 'ACTIVE';

CREATE TABLE assessment (
    id              BIGSERIAL    PRIMARY KEY,
    elder_id        BIGINT       NOT NULL REFERENCES elder (id),
    standard        VARCHAR(30)  NOT NULL DEFAULT 'GB/T 42195-2022',
    assessed_on     DATE         NOT NULL,
    reason          VARCHAR(16)  NOT NULL CHECK (reason IN ('FIRST', 'ROUTINE', 'IMMEDIATE', 'REASSESSMENT')),
    item_scores     JSONB        NOT NULL,
    total           SMALLINT     NOT NULL CHECK (total BETWEEN 0 AND 90),
    base_level      SMALLINT     NOT NULL CHECK (base_level BETWEEN 0 AND 4),
    level           SMALLINT     NOT NULL CHECK (level BETWEEN 0 AND 4),
    coma            BOOLEAN      NOT NULL DEFAULT FALSE,
    dementia        BOOLEAN      NOT NULL DEFAULT FALSE,
    risk_events     SMALLINT     NOT NULL DEFAULT 0 CHECK (risk_events >= 0),
    assessor        VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)  NOT NULL
);

CREATE INDEX assessment_elder_idx ON assessment (elder_id, assessed_on DESC, id DESC);
