-- Care institutions, their beds and the stays of elders in them (issue 7).

CREATE TABLE institution (
    id                   BIGSERIAL     PRIMARY KEY,
    name                 VARCHAR(100)  NOT NULL,
    kind                 VARCHAR(24)   NOT NULL CHECK (kind IN ('PUBLIC_HOME', 'RURAL_HOME', 'RURAL_HAPPINESS_HOME',
                                                                'DAY_CARE_CENTRE', 'PRIVATE_HOME', 'EMBEDDED_MICRO',
                                                                'MEDICAL_CARE_COMBINED')),
    ownership            VARCHAR(24)   NOT NULL CHECK (ownership IN ('PUBLIC', 'PRIVATE', 'PUBLIC_BUILT_PRIVATE_RUN')),
    operator             VARCHAR(100),
    licence_number       VARCHAR(60),
    licence_date         DATE,
    community_code       VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    address              VARCHAR(200),
    contact_name         VARCHAR(50),
    contact_phone        VARCHAR(30),
    star_level           SMALLINT      CHECK (star_level BETWEEN 1 AND 5),
    star_rated_on        DATE,
    opened_on            DATE,
    status               VARCHAR(12)   NOT NULL DEFAULT 'OPERATING' CHECK (status IN ('OPERATING', 'SUSPENDED', 'CLOSED')),
    -- the seed 002 rule compares this with the number of beds (see InstitutionCompliance)
    medical_arrangement  VARCHAR(24)   NOT NULL DEFAULT 'NONE'
        CHECK (medical_arrangement IN ('NONE', 'AGREEMENT', 'OWN_CLINIC', 'MEDICAL_INSTITUTION')),
    medical_document     VARCHAR(200),
    notes                VARCHAR(1000),
    demo                 BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by           VARCHAR(50)   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by           VARCHAR(50)   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CHECK ((star_level IS NULL) = (star_rated_on IS NULL))
);
CREATE INDEX institution_community_idx ON institution (community_code, id);

-- A bed is free, occupied (it has an open stay) or reserved (held back by hand); occupancy is never stored twice.
CREATE TABLE bed (
    id                   BIGSERIAL     PRIMARY KEY,
    institution_id       BIGINT        NOT NULL REFERENCES institution (id),
    room                 VARCHAR(30)   NOT NULL,
    label                VARCHAR(30)   NOT NULL,
    nursing              BOOLEAN       NOT NULL DEFAULT FALSE,
    reserved             BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (institution_id, room, label)
);

CREATE TABLE stay (
    id                   BIGSERIAL     PRIMARY KEY,
    elder_id             BIGINT        NOT NULL REFERENCES elder (id),
    institution_id       BIGINT        NOT NULL REFERENCES institution (id),
    bed_id               BIGINT        NOT NULL REFERENCES bed (id),
    admitted_on          DATE          NOT NULL,
    contract_number      VARCHAR(60),
    payer                VARCHAR(12)   NOT NULL CHECK (payer IN ('SELF', 'FAMILY', 'GOVERNMENT', 'OTHER')),
    -- the elder's economic status on admission: the 30 % of a public-built-private-run home kept for 特困 elders
    extreme_poverty      BOOLEAN       NOT NULL,
    ended_on             DATE,
    end_reason           VARCHAR(200),
    -- a transfer ends one stay and starts the next on the same day
    ended_by_transfer    BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by           VARCHAR(50)   NOT NULL,
    CHECK (ended_on IS NULL OR ended_on >= admitted_on)
);
-- one bed per elder, one elder per bed
CREATE UNIQUE INDEX stay_open_elder_uq ON stay (elder_id) WHERE ended_on IS NULL;
CREATE UNIQUE INDEX stay_open_bed_uq ON stay (bed_id) WHERE ended_on IS NULL;
CREATE INDEX stay_institution_idx ON stay (institution_id, admitted_on);
CREATE INDEX stay_elder_idx ON stay (elder_id, admitted_on DESC);
