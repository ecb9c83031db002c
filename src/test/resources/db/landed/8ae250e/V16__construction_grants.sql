-- The construction subsidy of new private institutions (seed 004): one-time, per new bed, by the institution's size
-- tier; applied for per institution through the review chain (社区受理 → 街道初审 → 区审批 → 公示), then paid once.

CREATE TABLE institution_construction_rate (
    tier         VARCHAR(8)     PRIMARY KEY CHECK (tier IN ('SMALL', 'MEDIUM', 'LARGE')),
    amount       NUMERIC(10, 2) NOT NULL CHECK (amount >= 0),
    updated_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by   VARCHAR(50)    NOT NULL
);
-- seed 004 gives a per-bed grant by size whose figures are not legible; these are placeholders to configure
INSERT INTO institution_construction_rate (tier, amount, updated_by) VALUES
    ('SMALL', 3000, 'default'), ('MEDIUM', 5000, 'default'), ('LARGE', 8000, 'default');

CREATE TABLE construction_grant (
    id               BIGSERIAL      PRIMARY KEY,
    institution_id   BIGINT         NOT NULL REFERENCES institution (id),
    community_code   VARCHAR(12)    NOT NULL COLLATE "C" REFERENCES region (code),
    new_beds         INTEGER        NOT NULL CHECK (new_beds > 0),
    tier             VARCHAR(8)     NOT NULL CHECK (tier IN ('SMALL', 'MEDIUM', 'LARGE')),
    rate             NUMERIC(10, 2) NOT NULL,
    amount           NUMERIC(12, 2) NOT NULL CHECK (amount >= 0),
    stage            VARCHAR(16)    NOT NULL CHECK (stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY',
                                                              'APPROVED', 'REJECTED', 'WITHDRAWN')),
    notes            VARCHAR(500),
    approved_on      DATE,
    publicity_ends   DATE,
    created_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by       VARCHAR(50)    NOT NULL,
    lock_version     BIGINT         NOT NULL DEFAULT 0,
    CHECK ((stage = 'PUBLICITY') <= (publicity_ends IS NOT NULL))
);
-- one grant at a time per institution, and one approved grant ever (the subsidy is for a new institution)
CREATE UNIQUE INDEX construction_grant_open_uq ON construction_grant (institution_id)
    WHERE stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY', 'APPROVED');
CREATE INDEX construction_grant_stage_idx ON construction_grant (stage, community_code, id);

CREATE TABLE construction_grant_decision (
    id               BIGSERIAL      PRIMARY KEY,
    grant_id         BIGINT         NOT NULL REFERENCES construction_grant (id),
    action           VARCHAR(12)    NOT NULL,
    stage_from       VARCHAR(16),
    stage_to         VARCHAR(16)    NOT NULL,
    note             VARCHAR(500),
    decided_by       VARCHAR(50)    NOT NULL,
    decided_at       TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX construction_grant_decision_grant_idx ON construction_grant_decision (grant_id, id);

CREATE FUNCTION construction_grant_decision_is_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'construction_grant_decision is insert-only';
END;
$$;
CREATE TRIGGER construction_grant_decision_insert_only
    BEFORE UPDATE OR DELETE ON construction_grant_decision
    FOR EACH ROW EXECUTE FUNCTION construction_grant_decision_is_insert_only();

ALTER TABLE payment_institution_line
    ADD CONSTRAINT payment_institution_line_grant_fk FOREIGN KEY (grant_id) REFERENCES construction_grant (id);
