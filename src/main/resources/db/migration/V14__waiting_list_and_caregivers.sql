-- The public waiting list for public institutions (公开轮候) and caregivers with their certificates (issue 7).

CREATE TABLE waiting_application (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    institution_id   BIGINT        NOT NULL REFERENCES institution (id),
    applied_on       DATE          NOT NULL,
    status           VARCHAR(10)   NOT NULL DEFAULT 'WAITING' CHECK (status IN ('WAITING', 'ADMITTED', 'WITHDRAWN')),
    stay_id          BIGINT        REFERENCES stay (id),
    -- why this elder was admitted before others waiting ahead (audited too)
    skip_reason      VARCHAR(200),
    closed_reason    VARCHAR(200),
    closed_at        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL,
    CHECK ((status = 'ADMITTED') = (stay_id IS NOT NULL))
);
CREATE UNIQUE INDEX waiting_application_open_uq ON waiting_application (elder_id, institution_id) WHERE status = 'WAITING';
CREATE INDEX waiting_application_institution_idx ON waiting_application (institution_id, status, applied_on, id);

CREATE TABLE caregiver (
    id                   BIGSERIAL     PRIMARY KEY,
    institution_id       BIGINT        NOT NULL REFERENCES institution (id),
    name                 VARCHAR(50)   NOT NULL,
    certificate_type     VARCHAR(60),
    certificate_number   VARCHAR(60),
    certificate_level    VARCHAR(30),
    certificate_expires  DATE,
    active               BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by           VARCHAR(50)   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by           VARCHAR(50)   NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CHECK ((certificate_number IS NULL) = (certificate_type IS NULL))
);
CREATE INDEX caregiver_institution_idx ON caregiver (institution_id, active, name);
