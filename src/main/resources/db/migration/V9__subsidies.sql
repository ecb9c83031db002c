-- Subsidy policies as data, applications with their review chain, entitlements (issue 5).

-- A policy version. Editing a published policy creates the next version as a draft; publishing it supersedes the
-- previous one. Entitlements keep the version they were granted on (subsidy_entitlement.policy_id).
CREATE TABLE subsidy_policy (
    id               BIGSERIAL     PRIMARY KEY,
    code             VARCHAR(30)   NOT NULL COLLATE "C" CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,29}$'),
    version          INTEGER       NOT NULL CHECK (version >= 1),
    name             VARCHAR(100)  NOT NULL,
    kind             VARCHAR(30)   NOT NULL CHECK (kind IN ('AGE_ALLOWANCE', 'HOME_CARE_SERVICE', 'HARDSHIP_SERVICE',
                                                            'NURSING_CARE', 'MEAL_ASSISTANCE')),
    region_code      VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    effective_from   DATE          NOT NULL,
    effective_to     DATE          CHECK (effective_to >= effective_from),
    frequency        VARCHAR(10)   NOT NULL CHECK (frequency IN ('MONTHLY', 'ONE_TIME')),
    automatic        BOOLEAN       NOT NULL DEFAULT FALSE,
    -- months before the application a late-registered entitlement may be paid back for (issue 6)
    back_pay_months  SMALLINT      NOT NULL DEFAULT 0 CHECK (back_pay_months BETWEEN 0 AND 24),
    -- eligibility criteria and amount tiers, see org.yinling.subsidy.rule.PolicyRule
    rule             JSONB         NOT NULL,
    status           VARCHAR(12)   NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED')),
    notes            VARCHAR(1000),
    demo             BOOLEAN       NOT NULL DEFAULT FALSE,
    published_at     TIMESTAMPTZ,
    published_by     VARCHAR(50),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by       VARCHAR(50)   NOT NULL,
    lock_version     BIGINT        NOT NULL DEFAULT 0,
    UNIQUE (code, version),
    CHECK ((status = 'DRAFT') = (published_at IS NULL))
);
-- at most one published version and one draft of a policy at a time
CREATE UNIQUE INDEX subsidy_policy_published_uq ON subsidy_policy (code) WHERE status = 'PUBLISHED';
CREATE UNIQUE INDEX subsidy_policy_draft_uq ON subsidy_policy (code) WHERE status = 'DRAFT';
CREATE INDEX subsidy_policy_region_idx ON subsidy_policy (region_code, code, version DESC);

-- An application for one elder and one policy version, moving through the review chain:
-- RETURNED (back at the community) / STREET_REVIEW (街道初审) → DISTRICT_REVIEW (区审批) → PUBLICITY (公示)
-- → APPROVED (an entitlement exists), or REJECTED / WITHDRAWN.
CREATE TABLE subsidy_application (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    policy_id        BIGINT        NOT NULL REFERENCES subsidy_policy (id),
    policy_code      VARCHAR(30)   NOT NULL COLLATE "C",
    -- the elder's community when the application was made: the region every reviewer is checked against
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    stage            VARCHAR(16)   NOT NULL CHECK (stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW',
                                                             'PUBLICITY', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    source           VARCHAR(10)   NOT NULL CHECK (source IN ('COMMUNITY', 'AUTOMATIC')),
    -- the tier (index into the policy's tiers) and amount that applied when the application was last checked
    tier_index       SMALLINT      CHECK (tier_index >= 0),
    amount           NUMERIC(10, 2) CHECK (amount >= 0),
    received_on      DATE          NOT NULL,
    payee_bank       VARCHAR(60),
    payee_account    VARCHAR(40),
    notes            VARCHAR(1000),
    approved_on      DATE,
    publicity_ends   DATE,
    closed_at        TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by       VARCHAR(50)   NOT NULL,
    lock_version     BIGINT        NOT NULL DEFAULT 0,
    CHECK ((stage = 'PUBLICITY') <= (publicity_ends IS NOT NULL))
);
-- one open application per elder and policy (also what makes automatic enrolment idempotent)
CREATE UNIQUE INDEX subsidy_application_open_uq ON subsidy_application (elder_id, policy_code)
    WHERE stage IN ('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY');
CREATE INDEX subsidy_application_queue_idx ON subsidy_application (stage, community_code, created_at, id);
CREATE INDEX subsidy_application_elder_idx ON subsidy_application (elder_id, created_at DESC);
CREATE INDEX subsidy_application_policy_idx ON subsidy_application (policy_id);

-- Documents noted with an application (document type and number); the file itself is optional.
CREATE TABLE subsidy_attachment (
    id               BIGSERIAL     PRIMARY KEY,
    application_id   BIGINT        NOT NULL REFERENCES subsidy_application (id),
    document_type    VARCHAR(20)   NOT NULL,
    document_number  VARCHAR(60),
    file_name        VARCHAR(200),
    content_type     VARCHAR(100),
    content          BYTEA,
    size_bytes       INTEGER       CHECK (size_bytes >= 0),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL
);
CREATE INDEX subsidy_attachment_application_idx ON subsidy_attachment (application_id, id);

-- Every step of the review chain: insert-only, like the audit log.
CREATE TABLE subsidy_decision (
    id               BIGSERIAL     PRIMARY KEY,
    application_id   BIGINT        NOT NULL REFERENCES subsidy_application (id),
    action           VARCHAR(12)   NOT NULL CHECK (action IN ('SUBMIT', 'RESUBMIT', 'APPROVE', 'REJECT', 'RETURN',
                                                              'CONCLUDE', 'WITHDRAW')),
    stage_from       VARCHAR(16),
    stage_to         VARCHAR(16)   NOT NULL,
    note             VARCHAR(500),
    decided_by       VARCHAR(50)   NOT NULL,
    decided_at       TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX subsidy_decision_application_idx ON subsidy_decision (application_id, decided_at, id);

CREATE FUNCTION subsidy_decision_is_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'subsidy_decision is insert-only';
END;
$$;
CREATE TRIGGER subsidy_decision_insert_only
    BEFORE UPDATE OR DELETE ON subsidy_decision
    FOR EACH ROW EXECUTE FUNCTION subsidy_decision_is_insert_only();
CREATE TRIGGER subsidy_decision_no_truncate
    BEFORE TRUNCATE ON subsidy_decision
    FOR EACH STATEMENT EXECUTE FUNCTION subsidy_decision_is_insert_only();

-- What an elder receives: one approved application of one policy version, paid from start_month (the month after
-- the district's approval) until end_month (the last month paid) when it stops.
CREATE TABLE subsidy_entitlement (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    policy_id        BIGINT        NOT NULL REFERENCES subsidy_policy (id),
    policy_code      VARCHAR(30)   NOT NULL COLLATE "C",
    application_id   BIGINT        NOT NULL UNIQUE REFERENCES subsidy_application (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    tier_index       SMALLINT      NOT NULL CHECK (tier_index >= 0),
    amount           NUMERIC(10, 2) NOT NULL CHECK (amount >= 0),
    frequency        VARCHAR(10)   NOT NULL CHECK (frequency IN ('MONTHLY', 'ONE_TIME')),
    start_month      DATE          NOT NULL CHECK (extract(day FROM start_month) = 1),
    end_month        DATE          CHECK (extract(day FROM end_month) = 1),
    status           VARCHAR(10)   NOT NULL CHECK (status IN ('ACTIVE', 'STOPPED')),
    stop_reason      VARCHAR(200),
    stopped_at       TIMESTAMPTZ,
    payee_bank       VARCHAR(60),
    payee_account    VARCHAR(40),
    -- set when a change of the elder's circumstances may have broken eligibility: the street re-checks it
    recheck_reason   VARCHAR(200),
    recheck_since    TIMESTAMPTZ,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by       VARCHAR(50)   NOT NULL,
    lock_version     BIGINT        NOT NULL DEFAULT 0,
    CHECK ((status = 'STOPPED') = (stopped_at IS NOT NULL)),
    CHECK (end_month IS NULL OR end_month >= start_month - INTERVAL '1 month')
);
-- an elder holds at most one active entitlement of a policy (whatever its version)
CREATE UNIQUE INDEX subsidy_entitlement_active_uq ON subsidy_entitlement (elder_id, policy_code) WHERE status = 'ACTIVE';
CREATE INDEX subsidy_entitlement_policy_idx ON subsidy_entitlement (policy_code, status);
CREATE INDEX subsidy_entitlement_recheck_idx ON subsidy_entitlement (community_code, recheck_since)
    WHERE recheck_since IS NOT NULL;
