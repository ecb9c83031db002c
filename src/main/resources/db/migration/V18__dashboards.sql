-- Coverage dashboards (issue 9): indicator targets, street staffing, government-purchased service, and the
-- tallies that let a district's dashboard answer without counting a million elders on every request.

-- Active elders by community, sex and birth month. An elder's age on a day is the same for the whole birth month
-- except in the month of the boundary, which the dashboard counts from the elder table itself (an index range of
-- one month). Kept by statement-level triggers in the same transaction as every change: never edited by hand,
-- always equal to count(*) of its group (DashboardTallyTest recomputes it from scratch and compares).
CREATE TABLE elder_birth_tally (
    community_code  VARCHAR(12)  NOT NULL COLLATE "C",
    sex             VARCHAR(6)   NOT NULL,
    birth_month     DATE         NOT NULL,
    elders          BIGINT       NOT NULL,
    PRIMARY KEY (community_code, sex, birth_month)
);

-- Active elders by community, economic status and capability level (-1: never assessed).
CREATE TABLE elder_status_tally (
    community_code    VARCHAR(12)  NOT NULL COLLATE "C",
    economic_status   VARCHAR(20)  NOT NULL,
    capability_level  SMALLINT     NOT NULL,
    elders            BIGINT       NOT NULL,
    PRIMARY KEY (community_code, economic_status, capability_level)
);

INSERT INTO elder_birth_tally (community_code, sex, birth_month, elders)
SELECT community_code, sex, date_trunc('month', birth_date)::date, count(*)
FROM elder WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3;

INSERT INTO elder_status_tally (community_code, economic_status, capability_level, elders)
SELECT community_code, economic_status, coalesce(capability_level, -1), count(*)
FROM elder WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3;

-- Rows are applied in key order, so that two bulk changes never wait for each other's rows crosswise.
CREATE FUNCTION elder_dashboard_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO elder_birth_tally AS t (community_code, sex, birth_month, elders)
        SELECT community_code, sex, date_trunc('month', birth_date)::date, -count(*) FROM old_rows
        WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (community_code, sex, birth_month) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
        INSERT INTO elder_status_tally AS t (community_code, economic_status, capability_level, elders)
        SELECT community_code, economic_status, coalesce(capability_level, -1), -count(*) FROM old_rows
        WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (community_code, economic_status, capability_level) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO elder_birth_tally AS t (community_code, sex, birth_month, elders)
        SELECT community_code, sex, date_trunc('month', birth_date)::date, count(*) FROM new_rows
        WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (community_code, sex, birth_month) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
        INSERT INTO elder_status_tally AS t (community_code, economic_status, capability_level, elders)
        SELECT community_code, economic_status, coalesce(capability_level, -1), count(*) FROM new_rows
        WHERE life_status = 'ACTIVE' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (community_code, economic_status, capability_level) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER elder_dashboard_tally_insert AFTER INSERT ON elder
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION elder_dashboard_tally_apply();
CREATE TRIGGER elder_dashboard_tally_update AFTER UPDATE ON elder
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION elder_dashboard_tally_apply();
CREATE TRIGGER elder_dashboard_tally_delete AFTER DELETE ON elder
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION elder_dashboard_tally_apply();

-- Payment lines by batch, community, policy and status: spending by month and policy without summing every line.
CREATE TABLE payment_line_tally (
    batch_id        BIGINT         NOT NULL REFERENCES payment_batch (id) ON DELETE CASCADE,
    community_code  VARCHAR(12)    NOT NULL COLLATE "C",
    policy_code     VARCHAR(30)    NOT NULL COLLATE "C",
    status          VARCHAR(8)     NOT NULL,
    lines           BIGINT         NOT NULL,
    amount          NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (batch_id, community_code, policy_code, status)
);

INSERT INTO payment_line_tally (batch_id, community_code, policy_code, status, lines, amount)
SELECT batch_id, community_code, policy_code, status, count(*), sum(amount) FROM payment_line GROUP BY 1, 2, 3, 4;

CREATE FUNCTION payment_line_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- a cascade from a discarded batch deletes the batch's tally rows itself
        INSERT INTO payment_line_tally AS t (batch_id, community_code, policy_code, status, lines, amount)
        SELECT o.batch_id, o.community_code, o.policy_code, o.status, -count(*), -sum(o.amount) FROM old_rows o
        WHERE EXISTS (SELECT 1 FROM payment_batch b WHERE b.id = o.batch_id)
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (batch_id, community_code, policy_code, status)
            DO UPDATE SET lines = t.lines + EXCLUDED.lines, amount = t.amount + EXCLUDED.amount;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO payment_line_tally AS t (batch_id, community_code, policy_code, status, lines, amount)
        SELECT batch_id, community_code, policy_code, status, count(*), sum(amount) FROM new_rows
        GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
        ON CONFLICT (batch_id, community_code, policy_code, status)
            DO UPDATE SET lines = t.lines + EXCLUDED.lines, amount = t.amount + EXCLUDED.amount;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER payment_line_tally_insert AFTER INSERT ON payment_line
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_line_tally_apply();
CREATE TRIGGER payment_line_tally_update AFTER UPDATE ON payment_line
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_line_tally_apply();
CREATE TRIGGER payment_line_tally_delete AFTER DELETE ON payment_line
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION payment_line_tally_apply();

-- 政府购买服务 (government-purchased service, seed 000 and 002) is a kind of policy: its active entitlements are the
-- government-purchased-service elders the dashboard counts and the staffing rule of seed 002 uses.
ALTER TABLE subsidy_policy DROP CONSTRAINT subsidy_policy_kind_check;
ALTER TABLE subsidy_policy ADD CONSTRAINT subsidy_policy_kind_check CHECK (kind IN (
    'AGE_ALLOWANCE', 'HOME_CARE_SERVICE', 'HARDSHIP_SERVICE', 'NURSING_CARE', 'MEAL_ASSISTANCE', 'PURCHASED_SERVICE'));
CREATE INDEX subsidy_entitlement_dashboard_idx ON subsidy_entitlement (community_code, policy_code) WHERE status = 'ACTIVE';

-- Targets of the indicators, per region with effective dates. A region without its own target takes its nearest
-- ancestor's; a row without a region is the default for every region. Defaults come from the seeds.
CREATE TABLE indicator_target (
    id              BIGSERIAL      PRIMARY KEY,
    indicator       VARCHAR(40)    NOT NULL,
    region_code     VARCHAR(12)    COLLATE "C" REFERENCES region (code),
    target          NUMERIC(12, 4) NOT NULL CHECK (target >= 0),
    effective_from  DATE           NOT NULL,
    effective_to    DATE           CHECK (effective_to > effective_from),
    source          VARCHAR(200),
    created_at      TIMESTAMPTZ    NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)    NOT NULL
);
CREATE INDEX indicator_target_lookup_idx ON indicator_target (indicator, region_code, effective_from);
-- no two targets of one indicator and region start on the same day
CREATE UNIQUE INDEX indicator_target_start_uq ON indicator_target (indicator, COALESCE(region_code, ''), effective_from);

INSERT INTO indicator_target (indicator, region_code, target, effective_from, source, created_by) VALUES
    ('BEDS_PER_THOUSAND', NULL, 50, DATE '2016-01-01', '种子文件 002：每千名老人拥有养老床位数达 50 张', 'system'),
    ('INSTITUTION_BEDS_PER_THOUSAND', NULL, 42, DATE '2016-01-01', '种子文件 002：拥有机构床位数达 42 张', 'system'),
    ('NURSING_BED_SHARE', NULL, 0.70, DATE '2016-01-01', '种子文件 002：护理型床位占比 70% 以上', 'system'),
    ('DAY_CARE_URBAN', NULL, 1.00, DATE '2016-01-01', '种子文件 001：日间照料基本覆盖中心城区社区', 'system'),
    ('DAY_CARE_RURAL', NULL, 0.60, DATE '2016-01-01', '种子文件 001：60% 以上的农村社区', 'system'),
    ('MEAL_POINT_COVERAGE', NULL, 1.00, DATE '2016-01-01', '种子文件 002：老年食堂服务有效全覆盖', 'system'),
    ('CAREGIVER_CERTIFIED', NULL, 0.95, DATE '2016-01-01', '种子文件 002：护理员持证率达 95% 以上', 'system'),
    ('PURCHASED_SERVICE_ELDERS', NULL, 5185, DATE '2016-01-01', '种子文件 002：政府购买服务老人数达 5185 人', 'system');

-- Dedicated elder-care staff recorded per street (seed 002 staffing rule: the dashboard compares them with the rule).
CREATE TABLE street_care_staff (
    street_code     VARCHAR(12)   PRIMARY KEY COLLATE "C" REFERENCES region (code),
    staff           INTEGER       NOT NULL CHECK (staff BETWEEN 0 AND 999),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by      VARCHAR(50)   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0
);
