-- Consequences of supervision findings as data (issue 23 §7) and the supervision indicators' target (§8).

-- 1. The district's consequence settings, per region prefix ('' = everywhere, '330105' = a district) from a date; the
-- longest matching prefix of the institution's community code wins, then the latest date not after the day asked
-- about. A new version never changes an earlier one (the history stays).
--   withhold_operating: an institution with a red finding open at the end of a service month gets no operating
--     subsidy for that month (decided by the version in force on the first day of that month);
--   admission_pause: NONE, WAITING_LIST (admissions from the waiting list refused while a red finding is open), or
--     ALL (every admission refused), decided by the version in force on the day of the admission.
CREATE TABLE supervision_consequence_setting (
    id                  BIGSERIAL    PRIMARY KEY,
    region_prefix       VARCHAR(12)  NOT NULL COLLATE "C" DEFAULT '',
    withhold_operating  BOOLEAN      NOT NULL,
    admission_pause     VARCHAR(12)  NOT NULL CHECK (admission_pause IN ('NONE', 'WAITING_LIST', 'ALL')),
    effective_from      DATE         NOT NULL,
    note                VARCHAR(200),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by          VARCHAR(50)  NOT NULL,
    UNIQUE (region_prefix, effective_from)
);
INSERT INTO supervision_consequence_setting (withhold_operating, admission_pause, effective_from, note, created_by)
VALUES (FALSE, 'NONE', DATE '2020-01-01', NULL, 'system');

-- 2. Lines a payment batch withheld (module payment, generic: a source of holds says which payee's lines of a kind
-- and month are not paid, and why). Written with the batch's lines in the same statement, never changed after: the
-- amount and residents are what the line would have paid.
CREATE TABLE payment_withheld_line (
    id              BIGSERIAL      PRIMARY KEY,
    batch_id        BIGINT         NOT NULL REFERENCES payment_batch (id),
    payee_kind      VARCHAR(12)    NOT NULL,
    payee_id        BIGINT         NOT NULL,
    kind            VARCHAR(12)    NOT NULL,
    month           DATE           NOT NULL,
    payee_name      VARCHAR(100)   NOT NULL,
    community_code  VARCHAR(12)    NOT NULL COLLATE "C",
    residents       INTEGER,
    amount          NUMERIC(12, 2) NOT NULL,
    reason          VARCHAR(40)    NOT NULL,
    reference_id    BIGINT,
    detail_zh       VARCHAR(200),
    detail_en       VARCHAR(200),
    since           DATE,
    UNIQUE (batch_id, payee_kind, payee_id, kind, month)
);

-- a red finding open at a moment: the partial index of open findings does not cover closed ones
CREATE INDEX supervision_finding_red ON supervision_finding (institution_id, found_at) WHERE severity = 'RED';
-- institutions inspected in a year (indicators)
CREATE INDEX supervision_inspection_submitted ON supervision_inspection (inspected_on, institution_id) WHERE status = 'SUBMITTED';

-- 3. Target of inspection coverage: every institution inspected at least once a year (issue 23).
INSERT INTO indicator_target (indicator, region_code, target, effective_from, source, created_by) VALUES
    ('INSPECTION_COVERAGE', NULL, 1.00, DATE '2016-01-01', '议题 23：养老机构每年至少检查一次', 'system');
