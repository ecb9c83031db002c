-- Runs of automatic enrolment (免申即享, issue 5): a run works in the background and reports here. At most one run
-- of a policy at a time; a run left RUNNING by a node that died is marked FAILED by the next start.
CREATE TABLE subsidy_enrolment_run (
    id               BIGSERIAL     PRIMARY KEY,
    policy_id        BIGINT        NOT NULL REFERENCES subsidy_policy (id),
    policy_code      VARCHAR(30)   NOT NULL COLLATE "C",
    -- the region prefix of the elders considered (the policy's region within the starter's scope)
    scope_prefix     VARCHAR(12)   NOT NULL COLLATE "C",
    state            VARCHAR(10)   NOT NULL CHECK (state IN ('RUNNING', 'DONE', 'FAILED')),
    created_count    INTEGER       CHECK (created_count >= 0),
    -- applications created per street: {"330105001000": 12, …}
    by_street        JSONB,
    millis           BIGINT,
    started_by       VARCHAR(50)   NOT NULL,
    started_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ,
    CHECK ((state = 'RUNNING') = (finished_at IS NULL)),
    CHECK ((state = 'DONE') = (created_count IS NOT NULL))
);
CREATE UNIQUE INDEX subsidy_enrolment_run_running_uq ON subsidy_enrolment_run (policy_code) WHERE state = 'RUNNING';
CREATE INDEX subsidy_enrolment_run_policy_idx ON subsidy_enrolment_run (policy_code, id DESC);
