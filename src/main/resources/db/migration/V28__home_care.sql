-- Home-care services (居家上门服务, issue 18): providers and their contracts, a catalogue priced per region with
-- effective dates, policies that deliver a monthly service budget instead of cash, plans, work orders whose every
-- transition is logged and checked here as well as in the service, proof of visits, call-backs, provider
-- settlements paid through the monthly payment batch.

-- A service organisation (服务组织) under contract with a district.
CREATE TABLE home_care_provider (
    id               BIGSERIAL     PRIMARY KEY,
    name             VARCHAR(100)  NOT NULL,
    -- 统一社会信用代码, GB 32100-2015: 18 characters, the last a check character (checked in Java)
    credit_code      CHAR(18)      NOT NULL COLLATE "C" UNIQUE CHECK (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
    kind             VARCHAR(16)   NOT NULL CHECK (kind IN ('HOME_SERVICE', 'CARE_CENTRE', 'INSTITUTION', 'MEAL')),
    -- the district that contracts it (its staff keep the record)
    region_code      VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    contract_from    DATE          NOT NULL,
    contract_to      DATE          NOT NULL CHECK (contract_to >= contract_from),
    payee_bank       VARCHAR(60),
    payee_account    VARCHAR(40),
    contact_name     VARCHAR(50),
    contact_phone    VARCHAR(30),
    status           VARCHAR(10)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    demo             BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by       VARCHAR(50)   NOT NULL,
    lock_version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX home_care_provider_region_idx ON home_care_provider (region_code, name);

-- The communities a provider serves under its contract.
CREATE TABLE home_care_provider_community (
    provider_id      BIGINT        NOT NULL REFERENCES home_care_provider (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    PRIMARY KEY (provider_id, community_code)
);
CREATE INDEX home_care_provider_community_idx ON home_care_provider_community (community_code, provider_id);

-- Provider managers and care workers belong to a provider, not to a region (their region_code is the provider's
-- district; their access is scoped by provider_id).
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('ADMIN', 'DISTRICT_STAFF', 'STREET_REVIEWER',
    'COMMUNITY_CLERK', 'MANAGER', 'PROVIDER_MANAGER', 'CARE_WORKER'));
ALTER TABLE app_user ADD COLUMN provider_id BIGINT REFERENCES home_care_provider (id);
ALTER TABLE app_user ADD CONSTRAINT app_user_provider_role
    CHECK ((role IN ('PROVIDER_MANAGER', 'CARE_WORKER')) = (provider_id IS NOT NULL));
CREATE INDEX app_user_provider_idx ON app_user (provider_id, role) WHERE provider_id IS NOT NULL;

-- The service catalogue: what can be ordered.
CREATE TABLE home_care_item (
    id               BIGSERIAL     PRIMARY KEY,
    code             VARCHAR(20)   NOT NULL COLLATE "C" UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{1,19}$'),
    name             VARCHAR(60)   NOT NULL,
    category         VARCHAR(16)   NOT NULL CHECK (category IN ('MEAL', 'BATH', 'CLEANING', 'MOBILITY', 'EMERGENCY',
                                                                'MEDICAL', 'REHABILITATION', 'COMPANIONSHIP', 'HOUSEKEEPING')),
    unit             VARCHAR(8)    NOT NULL CHECK (unit IN ('VISIT', 'HOUR')),
    standard_minutes INTEGER       NOT NULL CHECK (standard_minutes BETWEEN 5 AND 600),
    -- the share of the standard minutes a visit must reach to count without a flag
    required_share   NUMERIC(3, 2) NOT NULL DEFAULT 0.80 CHECK (required_share > 0 AND required_share <= 1),
    active           BOOLEAN       NOT NULL DEFAULT TRUE,
    demo             BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by       VARCHAR(50)   NOT NULL,
    lock_version     BIGINT        NOT NULL DEFAULT 0
);

-- Prices as data: per region (a district, a street or a community; the most specific one wins) from a date. An
-- order is priced at the price in force on its service date and keeps that price.
CREATE TABLE home_care_price (
    id               BIGSERIAL     PRIMARY KEY,
    item_id          BIGINT        NOT NULL REFERENCES home_care_item (id),
    region_code      VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    effective_from   DATE          NOT NULL,
    unit_price       NUMERIC(10, 2) NOT NULL CHECK (unit_price >= 0),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL,
    UNIQUE (item_id, region_code, effective_from)
);

-- Settings per region with effective dates (most specific region, latest date in force wins; a row without a
-- region is the default of the whole system).
CREATE TABLE home_care_setting (
    id                     BIGSERIAL     PRIMARY KEY,
    region_code            VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    effective_from         DATE          NOT NULL,
    checkin_radius_m       INTEGER       NOT NULL DEFAULT 300 CHECK (checkin_radius_m BETWEEN 20 AND 5000),
    missed_after_minutes   INTEGER       NOT NULL DEFAULT 30 CHECK (missed_after_minutes BETWEEN 5 AND 1440),
    -- extrapolate the share of sampled orders found not delivered to the unsampled ones as a deduction
    callback_extrapolation BOOLEAN       NOT NULL DEFAULT TRUE,
    -- how long a care worker still sees an order after it is closed
    closed_visible_days    INTEGER       NOT NULL DEFAULT 7 CHECK (closed_visible_days BETWEEN 0 AND 60),
    created_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by             VARCHAR(50)   NOT NULL,
    UNIQUE NULLS NOT DISTINCT (region_code, effective_from)
);
INSERT INTO home_care_setting (region_code, effective_from, created_by) VALUES (NULL, DATE '2016-01-01', 'system');

-- Policies deliver cash (today's behaviour) or a monthly service budget: the tier's amount is then the value of
-- services a month, of which the government pays its share (全额 1.00 / 半额 0.50) and the elder the rest.
ALTER TABLE subsidy_policy ADD COLUMN delivery VARCHAR(16) NOT NULL DEFAULT 'CASH'
    CHECK (delivery IN ('CASH', 'SERVICE_BUDGET'));
ALTER TABLE subsidy_policy ADD COLUMN government_share NUMERIC(3, 2) CHECK (government_share IN (0.50, 1.00));
ALTER TABLE subsidy_policy ADD COLUMN budget_carry_over BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE subsidy_policy ADD CONSTRAINT subsidy_policy_service_share
    CHECK ((delivery = 'SERVICE_BUDGET') = (government_share IS NOT NULL));
-- Home-care and purchased-service policies were meant as services (seed 000, 004): their entitlements become budgets
-- and the payment batch pays them no more.
UPDATE subsidy_policy SET delivery = 'SERVICE_BUDGET', government_share = 1.00
WHERE kind IN ('HOME_CARE_SERVICE', 'PURCHASED_SERVICE');

-- An elder's service budget of one month, opened from a service-budget entitlement that covers the month.
CREATE TABLE home_care_budget (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    month            DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    entitlement_id   BIGINT        NOT NULL REFERENCES subsidy_entitlement (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    amount           NUMERIC(10, 2) NOT NULL CHECK (amount >= 0),
    -- carried over from the month before, when the policy allows it
    carried_over     NUMERIC(10, 2) NOT NULL DEFAULT 0 CHECK (carried_over >= 0),
    government_share NUMERIC(3, 2) NOT NULL CHECK (government_share IN (0.50, 1.00)),
    -- set when the budget ends early (a death, a move-out): no orders after it
    ended_on         DATE,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    UNIQUE (elder_id, month, entitlement_id)
);
CREATE INDEX home_care_budget_month_idx ON home_care_budget (month, community_code);

-- The location of an elder's home, against which a check-in is compared.
CREATE TABLE home_care_elder_location (
    elder_id         BIGINT        PRIMARY KEY REFERENCES elder (id),
    latitude         NUMERIC(9, 6) NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude        NUMERIC(9, 6) NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    source           VARCHAR(12)   NOT NULL CHECK (source IN ('COMMUNITY', 'FIRST_VISIT')),
    set_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    set_by           VARCHAR(50)   NOT NULL
);

-- The code printed on an elder's service card (stored hashed), rotated by the district.
CREATE TABLE home_care_service_card (
    elder_id         BIGINT        PRIMARY KEY REFERENCES elder (id),
    code_hash        VARCHAR(100)  NOT NULL,
    issued_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    issued_by        VARCHAR(50)   NOT NULL
);

-- A service plan: per elder, from a month until changed, with a provider serving the elder's community.
CREATE TABLE home_care_plan (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    provider_id      BIGINT        NOT NULL REFERENCES home_care_provider (id),
    valid_from       DATE          NOT NULL CHECK (extract(day FROM valid_from) = 1),
    -- the last month the plan applies to; open while it repeats
    valid_to         DATE          CHECK (extract(day FROM valid_to) = 1 AND valid_to >= valid_from),
    notes            VARCHAR(500),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by       VARCHAR(50)   NOT NULL,
    lock_version     BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX home_care_plan_elder_idx ON home_care_plan (elder_id, valid_from DESC);
CREATE INDEX home_care_plan_month_idx ON home_care_plan (valid_from, valid_to);

CREATE TABLE home_care_plan_item (
    plan_id          BIGINT        NOT NULL REFERENCES home_care_plan (id) ON DELETE CASCADE,
    item_id          BIGINT        NOT NULL REFERENCES home_care_item (id),
    times_per_month  SMALLINT      NOT NULL CHECK (times_per_month BETWEEN 1 AND 62),
    -- the time of day the visits are scheduled at
    preferred_time   TIME          NOT NULL DEFAULT TIME '09:00',
    PRIMARY KEY (plan_id, item_id)
);

-- A work order. States: PENDING_DISPATCH 待派单 → DISPATCHED 已派单 (to a provider) → ACCEPTED 已接单 (a worker) →
-- CHECKED_IN 已签到 → CHECKED_OUT 已签退 → CONFIRMED 已确认 (by the elder) → CALLED_BACK 已回访; exits CANCELLED
-- 已取消 and MISSED 未上门. A refusal (拒单) sends a DISPATCHED order back to PENDING_DISPATCH; a reassignment (改派)
-- keeps the state with another provider or worker.
CREATE TABLE home_care_order (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    month            DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    budget_id        BIGINT        REFERENCES home_care_budget (id),
    plan_id          BIGINT        REFERENCES home_care_plan (id),
    -- which of the plan item's visits of the month (1..times): what makes generation idempotent
    plan_sequence    SMALLINT      CHECK (plan_sequence >= 1),
    item_id          BIGINT        NOT NULL REFERENCES home_care_item (id),
    provider_id      BIGINT        REFERENCES home_care_provider (id),
    worker_id        BIGINT        REFERENCES app_user (id),
    scheduled_at     TIMESTAMPTZ   NOT NULL,
    state            VARCHAR(16)   NOT NULL CHECK (state IN ('PENDING_DISPATCH', 'DISPATCHED', 'ACCEPTED', 'CHECKED_IN',
                                                             'CHECKED_OUT', 'CONFIRMED', 'CALLED_BACK', 'CANCELLED',
                                                             'MISSED')),
    -- priced on creation at the price in force on the service date; never repriced
    unit_price       NUMERIC(10, 2) NOT NULL CHECK (unit_price >= 0),
    quantity         NUMERIC(6, 2)  NOT NULL CHECK (quantity > 0),
    amount           NUMERIC(10, 2) NOT NULL CHECK (amount >= 0),
    government_share NUMERIC(3, 2)  NOT NULL CHECK (government_share IN (0.50, 1.00)),
    ad_hoc           BOOLEAN       NOT NULL DEFAULT FALSE,
    service_notes    VARCHAR(500),
    check_in_at      TIMESTAMPTZ,
    check_in_latitude  NUMERIC(9, 6),
    check_in_longitude NUMERIC(9, 6),
    -- metres from the elder's home at check-in; NULL when the phone gave no location or the home has none
    check_in_distance_m INTEGER,
    check_out_at     TIMESTAMPTZ,
    work_done        VARCHAR(1000),
    confirmed_at     TIMESTAMPTZ,
    confirmation     VARCHAR(10)   CHECK (confirmation IN ('SIGNATURE', 'CARD_CODE')),
    code_attempts    SMALLINT      NOT NULL DEFAULT 0,
    -- flags for the district: checked in too far away, too short, the card code failed three times
    flag_distance    BOOLEAN       NOT NULL DEFAULT FALSE,
    flag_duration    BOOLEAN       NOT NULL DEFAULT FALSE,
    flag_code        BOOLEAN       NOT NULL DEFAULT FALSE,
    flags_cleared_at TIMESTAMPTZ,
    flags_cleared_by VARCHAR(50),
    flags_note       VARCHAR(500),
    close_reason     VARCHAR(200),
    closed_at        TIMESTAMPTZ,
    -- SHA-256 (hex) over the closed order's facts: later edits are visible
    digest           CHAR(64),
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL,
    lock_version     BIGINT        NOT NULL DEFAULT 0,
    CHECK ((plan_id IS NULL) = (plan_sequence IS NULL)),
    CHECK ((state IN ('CHECKED_IN', 'CHECKED_OUT', 'CONFIRMED', 'CALLED_BACK')) <= (check_in_at IS NOT NULL)),
    CHECK ((state IN ('CHECKED_OUT', 'CONFIRMED', 'CALLED_BACK')) = (check_out_at IS NOT NULL)),
    CHECK (check_out_at IS NULL OR check_out_at >= check_in_at),
    CHECK ((state IN ('CONFIRMED', 'CALLED_BACK')) = (confirmed_at IS NOT NULL)),
    CHECK ((state IN ('ACCEPTED', 'CHECKED_IN', 'CHECKED_OUT', 'CONFIRMED', 'CALLED_BACK')) <= (worker_id IS NOT NULL)),
    CHECK ((state IN ('PENDING_DISPATCH')) <= (worker_id IS NULL)),
    CHECK ((state IN ('DISPATCHED', 'ACCEPTED', 'CHECKED_IN', 'CHECKED_OUT', 'CONFIRMED', 'CALLED_BACK'))
           <= (provider_id IS NOT NULL))
);
-- generation from plans is idempotent: one order per plan, item, month and visit
CREATE UNIQUE INDEX home_care_order_plan_uq ON home_care_order (plan_id, item_id, month, plan_sequence)
    WHERE plan_id IS NOT NULL;
CREATE INDEX home_care_order_worker_idx ON home_care_order (worker_id, scheduled_at) WHERE worker_id IS NOT NULL;
CREATE INDEX home_care_order_provider_idx ON home_care_order (provider_id, month, state);
CREATE INDEX home_care_order_community_idx ON home_care_order (community_code, month, state);
CREATE INDEX home_care_order_elder_idx ON home_care_order (elder_id, month);
-- one month's orders of a region (dashboard, monthly report): the month first, so the read is that month only
CREATE INDEX home_care_order_month_idx ON home_care_order (month, community_code);
CREATE INDEX home_care_order_open_idx ON home_care_order (scheduled_at)
    WHERE state IN ('PENDING_DISPATCH', 'DISPATCHED', 'ACCEPTED');

-- The transitions an order may make; the trigger below refuses any other, whatever the application does.
CREATE TABLE home_care_transition (
    from_state       VARCHAR(16)   NOT NULL,
    to_state         VARCHAR(16)   NOT NULL,
    PRIMARY KEY (from_state, to_state)
);
INSERT INTO home_care_transition (from_state, to_state) VALUES
    ('PENDING_DISPATCH', 'DISPATCHED'), ('PENDING_DISPATCH', 'CANCELLED'),
    ('DISPATCHED', 'DISPATCHED'), ('DISPATCHED', 'ACCEPTED'), ('DISPATCHED', 'PENDING_DISPATCH'),
    ('DISPATCHED', 'CANCELLED'), ('DISPATCHED', 'MISSED'),
    ('ACCEPTED', 'ACCEPTED'), ('ACCEPTED', 'DISPATCHED'), ('ACCEPTED', 'PENDING_DISPATCH'), ('ACCEPTED', 'CHECKED_IN'),
    ('ACCEPTED', 'CANCELLED'), ('ACCEPTED', 'MISSED'),
    ('CHECKED_IN', 'CHECKED_OUT'),
    ('CHECKED_OUT', 'CONFIRMED'),
    ('CONFIRMED', 'CALLED_BACK');

CREATE FUNCTION home_care_order_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.state IS DISTINCT FROM OLD.state
       OR (NEW.state IN ('DISPATCHED', 'ACCEPTED') AND (NEW.provider_id IS DISTINCT FROM OLD.provider_id
                                                      OR NEW.worker_id IS DISTINCT FROM OLD.worker_id)) THEN
        IF NOT EXISTS (SELECT 1 FROM home_care_transition WHERE from_state = OLD.state AND to_state = NEW.state) THEN
            RAISE EXCEPTION 'home care order %: % -> % is not allowed', OLD.id, OLD.state, NEW.state
                USING ERRCODE = 'check_violation';
        END IF;
    END IF;
    IF OLD.check_in_at IS NOT NULL AND NEW.check_in_at IS DISTINCT FROM OLD.check_in_at THEN
        RAISE EXCEPTION 'home care order %: checked in once', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.check_out_at IS NOT NULL AND NEW.check_out_at IS DISTINCT FROM OLD.check_out_at THEN
        RAISE EXCEPTION 'home care order %: checked out once', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.unit_price <> NEW.unit_price OR OLD.amount <> NEW.amount OR OLD.quantity <> NEW.quantity THEN
        RAISE EXCEPTION 'home care order %: a price is never changed', OLD.id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER home_care_order_guard BEFORE UPDATE ON home_care_order
    FOR EACH ROW EXECUTE FUNCTION home_care_order_guard();

-- Append-only: one row per transition of an order (and per reassignment), never changed or removed.
CREATE TABLE home_care_order_event (
    id               BIGSERIAL     PRIMARY KEY,
    order_id         BIGINT        NOT NULL REFERENCES home_care_order (id),
    event            VARCHAR(16)   NOT NULL CHECK (event IN ('CREATED', 'DISPATCHED', 'REASSIGNED', 'REJECTED',
                                                             'ACCEPTED', 'UNASSIGNED', 'CHECKED_IN', 'CHECKED_OUT',
                                                             'CONFIRMED', 'CALLED_BACK', 'CANCELLED', 'MISSED',
                                                             'RETURNED', 'FLAGS_CLEARED', 'CODE_FAILED')),
    from_state       VARCHAR(16),
    to_state         VARCHAR(16)   NOT NULL,
    provider_id      BIGINT,
    worker_id        BIGINT,
    reason           VARCHAR(200),
    at               TIMESTAMPTZ   NOT NULL DEFAULT now(),
    by_user          VARCHAR(50)   NOT NULL
);
CREATE INDEX home_care_order_event_order_idx ON home_care_order_event (order_id, id);
-- one check-in and one check-out per order, whatever races
CREATE UNIQUE INDEX home_care_order_event_check_in_uq ON home_care_order_event (order_id) WHERE event = 'CHECKED_IN';
CREATE UNIQUE INDEX home_care_order_event_check_out_uq ON home_care_order_event (order_id) WHERE event = 'CHECKED_OUT';

CREATE FUNCTION home_care_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER home_care_order_event_append_only BEFORE UPDATE OR DELETE ON home_care_order_event
    FOR EACH ROW EXECUTE FUNCTION home_care_append_only();

-- The elder's signature drawn on the worker's screen (PNG).
CREATE TABLE home_care_signature (
    order_id         BIGINT        PRIMARY KEY REFERENCES home_care_order (id),
    image            BYTEA         NOT NULL CHECK (octet_length(image) <= 262144),
    signed_at        TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- Call-backs (回访): a recorded random draw per provider and month (the seed makes it repeatable) ...
CREATE TABLE home_care_callback_draw (
    id               BIGSERIAL     PRIMARY KEY,
    provider_id      BIGINT        NOT NULL REFERENCES home_care_provider (id),
    month            DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    seed             BIGINT        NOT NULL,
    population       INTEGER       NOT NULL CHECK (population >= 0),
    sample_size      INTEGER       NOT NULL CHECK (sample_size >= 0 AND sample_size <= population),
    drawn_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    drawn_by         VARCHAR(50)   NOT NULL,
    UNIQUE (provider_id, month)
);
-- ... and one call per sampled order, recorded by community or street staff.
CREATE TABLE home_care_callback (
    order_id         BIGINT        PRIMARY KEY REFERENCES home_care_order (id),
    draw_id          BIGINT        NOT NULL REFERENCES home_care_callback_draw (id),
    outcome          VARCHAR(16)   CHECK (outcome IN ('DELIVERED', 'PARTLY', 'NOT_DELIVERED', 'COMPLAINT')),
    satisfaction     SMALLINT      CHECK (satisfaction BETWEEN 1 AND 5),
    note             VARCHAR(500),
    called_at        TIMESTAMPTZ,
    called_by        VARCHAR(50),
    CHECK ((outcome IS NULL) = (called_at IS NULL))
);
CREATE INDEX home_care_callback_draw_idx ON home_care_callback (draw_id);

-- A provider's confirmed settlement of a month: never changed once confirmed (a second confirmation finds it).
CREATE TABLE home_care_settlement (
    id                  BIGSERIAL     PRIMARY KEY,
    provider_id         BIGINT        NOT NULL REFERENCES home_care_provider (id),
    month               DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    orders              INTEGER       NOT NULL CHECK (orders >= 0),
    gross               NUMERIC(12, 2) NOT NULL,
    government_amount   NUMERIC(12, 2) NOT NULL,
    flag_deduction      NUMERIC(12, 2) NOT NULL DEFAULT 0,
    callback_deduction  NUMERIC(12, 2) NOT NULL DEFAULT 0,
    total               NUMERIC(12, 2) NOT NULL CHECK (total >= 0),
    confirmed_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    confirmed_by        VARCHAR(50)   NOT NULL,
    UNIQUE (provider_id, month)
);
-- The orders behind a settlement, each with what it contributed.
CREATE TABLE home_care_settlement_line (
    settlement_id       BIGINT        NOT NULL REFERENCES home_care_settlement (id),
    order_id            BIGINT        NOT NULL UNIQUE REFERENCES home_care_order (id),
    amount              NUMERIC(10, 2) NOT NULL,
    government_amount   NUMERIC(10, 2) NOT NULL,
    deduction           NUMERIC(10, 2) NOT NULL DEFAULT 0,
    deduction_reason    VARCHAR(24)   CHECK (deduction_reason IN ('FLAGGED', 'CALLBACK_NOT_DELIVERED', 'EXTRAPOLATED')),
    PRIMARY KEY (settlement_id, order_id)
);
CREATE FUNCTION home_care_settlement_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a confirmed settlement never changes' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER home_care_settlement_frozen BEFORE UPDATE OR DELETE ON home_care_settlement
    FOR EACH ROW EXECUTE FUNCTION home_care_settlement_frozen();
CREATE TRIGGER home_care_settlement_line_frozen BEFORE UPDATE OR DELETE ON home_care_settlement_line
    FOR EACH ROW EXECUTE FUNCTION home_care_settlement_frozen();

-- Provider settlements are paid through the monthly payment batch as lines of their own.
ALTER TABLE payment_payee_line ADD COLUMN provider_id BIGINT REFERENCES home_care_provider (id);
ALTER TABLE payment_payee_line DROP CONSTRAINT payment_payee_line_one_payee;
ALTER TABLE payment_payee_line ADD CONSTRAINT payment_payee_line_one_payee
    CHECK (num_nonnulls(institution_id, meal_point_id, provider_id) = 1);
ALTER TABLE payment_payee_line DROP CONSTRAINT payment_payee_line_kind_check;
ALTER TABLE payment_payee_line ADD CONSTRAINT payment_payee_line_kind_check
    CHECK (kind IN ('OPERATING', 'CONSTRUCTION', 'MEAL', 'HOME_CARE'));
CREATE UNIQUE INDEX payment_payee_line_provider_once_uq ON payment_payee_line (provider_id, kind, month)
    WHERE provider_id IS NOT NULL AND status <> 'FAILED';

-- The most specific region's row wins (community over street over district over the system default), then the
-- latest effective date on or before the day: the one rule for prices and settings, usable set-based.
CREATE FUNCTION home_care_region_rank(p_region VARCHAR, p_community VARCHAR) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_region IS NULL THEN 0
        WHEN p_region = p_community THEN 3
        WHEN right(p_region, 3) = '000' AND right(p_region, 6) <> '000000' AND left(p_region, 9) = left(p_community, 9)
            THEN 2
        WHEN right(p_region, 6) = '000000' AND left(p_region, 6) = left(p_community, 6) THEN 1
    END
$$;

-- The unit price of an item for an elder of a community on a day; NULL when none is in force.
CREATE FUNCTION home_care_price_on(p_item BIGINT, p_community VARCHAR, p_day DATE) RETURNS NUMERIC
    LANGUAGE sql STABLE AS $$
    SELECT unit_price FROM home_care_price
    WHERE item_id = p_item AND effective_from <= p_day AND home_care_region_rank(region_code, p_community) IS NOT NULL
    ORDER BY home_care_region_rank(region_code, p_community) DESC, effective_from DESC
    LIMIT 1
$$;
CREATE INDEX home_care_price_item_idx ON home_care_price (item_id, effective_from DESC);

-- The settings in force for a community on a day (the system default row always exists).
CREATE FUNCTION home_care_setting_on(p_community VARCHAR, p_day DATE) RETURNS home_care_setting
    LANGUAGE sql STABLE AS $$
    SELECT * FROM home_care_setting
    WHERE effective_from <= p_day AND home_care_region_rank(region_code, p_community) IS NOT NULL
    ORDER BY home_care_region_rank(region_code, p_community) DESC, effective_from DESC
    LIMIT 1
$$;
