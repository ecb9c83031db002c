-- The operating subsidy of private institutions (seed 004): per local resident per month, more for 特困 and 低保
-- residents, paid to the institution in the month's payment batch with the resident list behind each line.

CREATE TABLE institution_subsidy_rate (
    category     VARCHAR(16)    PRIMARY KEY CHECK (category IN ('LOCAL', 'MINIMUM_LIVING', 'EXTREME_POVERTY')),
    amount       NUMERIC(10, 2) NOT NULL CHECK (amount >= 0),
    updated_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by   VARCHAR(50)    NOT NULL
);
INSERT INTO institution_subsidy_rate (category, amount, updated_by) VALUES
    ('LOCAL', 50, 'seed 004'), ('MINIMUM_LIVING', 200, 'seed 004'), ('EXTREME_POVERTY', 405, 'seed 004');

CREATE TABLE payment_institution_line (
    id               BIGSERIAL      PRIMARY KEY,
    batch_id         BIGINT         NOT NULL REFERENCES payment_batch (id),
    institution_id   BIGINT         NOT NULL REFERENCES institution (id),
    kind             VARCHAR(12)    NOT NULL CHECK (kind IN ('OPERATING')),
    -- the month the subsidy is for: the month before the batch month (its residents are known by then)
    month            DATE           NOT NULL CHECK (extract(day FROM month) = 1),
    institution_name VARCHAR(100)   NOT NULL,
    community_code   VARCHAR(12)    NOT NULL COLLATE "C",
    residents        INTEGER        NOT NULL CHECK (residents > 0),
    amount           NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    payee_bank       VARCHAR(60),
    payee_account    VARCHAR(40),
    reference        VARCHAR(40)    NOT NULL COLLATE "C" UNIQUE,
    status           VARCHAR(8)     NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'PAID', 'FAILED')),
    failure_reason   VARCHAR(200),
    settled_at       TIMESTAMPTZ
);
-- exactly once: an institution is paid a kind of subsidy for a month at most once (a failed line may be paid again)
CREATE UNIQUE INDEX payment_institution_line_once_uq ON payment_institution_line (institution_id, kind, month)
    WHERE status <> 'FAILED';
CREATE INDEX payment_institution_line_batch_idx ON payment_institution_line (batch_id, id);

-- The residents behind a line: who, which category, how many days of the month, how much.
CREATE TABLE payment_institution_resident (
    line_id          BIGINT         NOT NULL REFERENCES payment_institution_line (id) ON DELETE CASCADE,
    elder_id         BIGINT         NOT NULL REFERENCES elder (id),
    elder_name       VARCHAR(50)    NOT NULL,
    resident_id      VARCHAR(18)    NOT NULL COLLATE "C",
    category         VARCHAR(16)    NOT NULL,
    days             SMALLINT       NOT NULL CHECK (days BETWEEN 1 AND 31),
    amount           NUMERIC(10, 2) NOT NULL,
    PRIMARY KEY (line_id, elder_id)
);
