-- Monthly payment batches (issue 6): one batch per district and month, one line per entitlement and month at most.

CREATE TABLE payment_batch (
    id                BIGSERIAL     PRIMARY KEY,
    region_code       VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    month             DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    state             VARCHAR(12)   NOT NULL CHECK (state IN ('GENERATING', 'GENERATED', 'APPROVED', 'EXPORTED',
                                                              'SETTLED', 'DISCARDED')),
    carry_failed      BOOLEAN       NOT NULL DEFAULT TRUE,
    -- progress of the generation: steps done of steps planned (one step per policy version and street)
    steps_done        INTEGER       NOT NULL DEFAULT 0,
    steps_total       INTEGER       NOT NULL DEFAULT 0,
    line_count        INTEGER       NOT NULL DEFAULT 0,
    amount_total      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    generation_started_at TIMESTAMPTZ,
    generated_at      TIMESTAMPTZ,
    generated_by      VARCHAR(50)   NOT NULL,
    approved_at       TIMESTAMPTZ,
    approved_by       VARCHAR(50),
    exported_at       TIMESTAMPTZ,
    exported_by       VARCHAR(50),
    settled_at        TIMESTAMPTZ,
    discarded_at      TIMESTAMPTZ,
    discarded_by      VARCHAR(50),
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    lock_version      BIGINT        NOT NULL DEFAULT 0,
    -- four eyes: the approver is not the generator
    CHECK (approved_by IS NULL OR approved_by <> generated_by)
);
-- one live batch per district and month
CREATE UNIQUE INDEX payment_batch_month_uq ON payment_batch (region_code, month) WHERE state <> 'DISCARDED';

CREATE TABLE payment_line (
    id                BIGSERIAL     PRIMARY KEY,
    batch_id          BIGINT        NOT NULL REFERENCES payment_batch (id) ON DELETE CASCADE,
    entitlement_id    BIGINT        NOT NULL REFERENCES subsidy_entitlement (id),
    elder_id          BIGINT        NOT NULL REFERENCES elder (id),
    policy_id         BIGINT        NOT NULL REFERENCES subsidy_policy (id),
    policy_code       VARCHAR(30)   NOT NULL COLLATE "C",
    -- the month paid for: the batch month for REGULAR lines, an earlier one for BACK_PAY and CARRIED lines
    month             DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    kind              VARCHAR(10)   NOT NULL CHECK (kind IN ('REGULAR', 'BACK_PAY', 'CARRIED')),
    -- snapshot at generation: later edits of the elder, the entitlement or the policy never change a batch
    elder_name        VARCHAR(50)   NOT NULL,
    resident_id       VARCHAR(18)   NOT NULL COLLATE "C",
    community_code    VARCHAR(12)   NOT NULL COLLATE "C",
    policy_version    INTEGER       NOT NULL,
    tier_index        SMALLINT      NOT NULL,
    amount            NUMERIC(10, 2) NOT NULL CHECK (amount > 0),
    payee_bank        VARCHAR(60),
    payee_account     VARCHAR(40),
    reference         VARCHAR(40)   NOT NULL COLLATE "C" UNIQUE,
    status            VARCHAR(8)    NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PAID', 'FAILED')),
    failure_reason    VARCHAR(200),
    settled_at        TIMESTAMPTZ,
    carried_from_line_id BIGINT     UNIQUE REFERENCES payment_line (id),
    CHECK ((kind = 'CARRIED') = (carried_from_line_id IS NOT NULL))
);
-- exactly once: an elder is paid for a policy and a month at most once (a failed line may be paid again)
CREATE UNIQUE INDEX payment_line_once_uq ON payment_line (elder_id, policy_code, month) WHERE status <> 'FAILED';
CREATE INDEX payment_line_batch_idx ON payment_line (batch_id, community_code, id);
CREATE INDEX payment_line_entitlement_idx ON payment_line (entitlement_id, month);
CREATE INDEX payment_line_elder_idx ON payment_line (elder_id, month DESC);
CREATE INDEX payment_line_failed_idx ON payment_line (batch_id) WHERE status = 'FAILED';

-- Money paid for months after an elder's death or move-out, to be recovered.
CREATE TABLE payment_recovery (
    id                BIGSERIAL     PRIMARY KEY,
    line_id           BIGINT        NOT NULL UNIQUE REFERENCES payment_line (id),
    elder_id          BIGINT        NOT NULL REFERENCES elder (id),
    community_code    VARCHAR(12)   NOT NULL COLLATE "C",
    amount            NUMERIC(10, 2) NOT NULL,
    reason            VARCHAR(12)   NOT NULL CHECK (reason IN ('DECEASED', 'MOVED_OUT')),
    status_date       DATE          NOT NULL,
    state             VARCHAR(10)   NOT NULL DEFAULT 'OPEN' CHECK (state IN ('OPEN', 'RECOVERED', 'WAIVED')),
    note              VARCHAR(200),
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    closed_at         TIMESTAMPTZ,
    closed_by         VARCHAR(50)
);
CREATE INDEX payment_recovery_open_idx ON payment_recovery (community_code, created_at) WHERE state = 'OPEN';
