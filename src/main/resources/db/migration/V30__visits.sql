-- Visits to elders in special hardship (特殊困难老年人探访关爱, issue 19; seed 002; domain.md "Visits"). Module `visit`,
-- see docs/visits.md. The roster is computed from the registry by rules that are data (criteria JSON of
-- org.yinling.subsidy.rule.Eligibility, compiled by RuleCompiler), never typed.

-- A community's visitors: 网格员, social workers, volunteers. They sign in with role VISITOR, scoped to one community.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('ADMIN', 'DISTRICT_STAFF', 'STREET_REVIEWER',
    'COMMUNITY_CLERK', 'MANAGER', 'PROVIDER_MANAGER', 'CARE_WORKER', 'VISITOR'));

-- Which regional rule applies to a community: 3 the community itself, 2 its street, 1 its district, 0 a system
-- default (region NULL), NULL another region. The most specific rule wins where one must (frequencies).
CREATE FUNCTION visit_region_rank(p_region VARCHAR, p_community VARCHAR) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN p_region IS NULL THEN 0
        WHEN p_region = p_community THEN 3
        WHEN right(p_region, 3) = '000' AND right(p_region, 6) <> '000000' AND left(p_region, 9) = left(p_community, 9)
            THEN 2
        WHEN right(p_region, 6) = '000000' AND left(p_region, 6) = left(p_community, 6) THEN 1
    END
$$;

-- Roster rules: who must be visited. An active elder of the rule's region (NULL: every region, the system defaults)
-- who meets the criteria on the day, and, when home_only, does not live in an institution (no open stay), is on the
-- roster. Rules add up: an elder meeting any rule in force is rostered.
CREATE TABLE visit_roster_rule (
    id              BIGSERIAL     PRIMARY KEY,
    region_code     VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    name            VARCHAR(100)  NOT NULL CHECK (length(btrim(name)) > 0),
    criteria        JSONB         NOT NULL,
    home_only       BOOLEAN       NOT NULL DEFAULT TRUE,
    effective_from  DATE          NOT NULL,
    effective_to    DATE          CHECK (effective_to >= effective_from),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by      VARCHAR(50)   NOT NULL,
    lock_version    BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX visit_roster_rule_region_idx ON visit_roster_rule (region_code, effective_from);

-- Risk tier rules: an elder on the roster is HIGH when a HIGH rule in force matches, else MEDIUM when a MEDIUM rule
-- matches, else LOW. Same criteria JSON as roster rules.
CREATE TABLE visit_tier_rule (
    id              BIGSERIAL     PRIMARY KEY,
    region_code     VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    tier            VARCHAR(6)    NOT NULL CHECK (tier IN ('HIGH', 'MEDIUM')),
    name            VARCHAR(100)  NOT NULL CHECK (length(btrim(name)) > 0),
    criteria        JSONB         NOT NULL,
    effective_from  DATE          NOT NULL,
    effective_to    DATE          CHECK (effective_to >= effective_from),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by      VARCHAR(50)   NOT NULL,
    lock_version    BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX visit_tier_rule_region_idx ON visit_tier_rule (region_code, effective_from);

-- How often each tier is visited, per region (most specific wins) from a date: every interval_count weeks or months
-- after the last counted visit; within event_hours of a recorded major event (NULL: no such rule for the tier); a
-- visit that did not reach the elder is retried within retry_days.
CREATE TABLE visit_frequency (
    id              BIGSERIAL     PRIMARY KEY,
    region_code     VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    tier            VARCHAR(6)    NOT NULL CHECK (tier IN ('HIGH', 'MEDIUM', 'LOW')),
    interval_unit   VARCHAR(5)    NOT NULL CHECK (interval_unit IN ('WEEK', 'MONTH')),
    interval_count  SMALLINT      NOT NULL CHECK (interval_count BETWEEN 1 AND 12),
    event_hours     SMALLINT      CHECK (event_hours BETWEEN 1 AND 168),
    retry_days      SMALLINT      NOT NULL DEFAULT 2 CHECK (retry_days BETWEEN 1 AND 14),
    effective_from  DATE          NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)   NOT NULL,
    UNIQUE NULLS NOT DISTINCT (region_code, tier, effective_from)
);

-- The frequency of a tier for an elder of a community on a day.
CREATE FUNCTION visit_frequency_on(p_community VARCHAR, p_tier VARCHAR, p_day DATE) RETURNS visit_frequency
    LANGUAGE sql STABLE AS $$
    SELECT * FROM visit_frequency
    WHERE tier = p_tier AND effective_from <= p_day AND visit_region_rank(region_code, p_community) IS NOT NULL
    ORDER BY visit_region_rank(region_code, p_community) DESC, effective_from DESC
    LIMIT 1
$$;

-- The roster: one open row (left_on NULL) per rostered elder, written only by the set-based recompute
-- (VisitRosterStore). An elder who stops qualifying keeps the row with left_on; one who qualifies again gets a new
-- row. The tier is the higher of the rules' tier and a visitor's raise. The visit facts the due list needs are kept
-- on the row (written with each visit), so the due list never reads the visit table.
CREATE TABLE visit_roster (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    rule_id          BIGINT        NOT NULL REFERENCES visit_roster_rule (id),
    rule_tier        VARCHAR(6)    NOT NULL CHECK (rule_tier IN ('HIGH', 'MEDIUM', 'LOW')),
    raised_tier      VARCHAR(6)    CHECK (raised_tier IN ('HIGH', 'MEDIUM')),
    tier             VARCHAR(6)    GENERATED ALWAYS AS (CASE
                         WHEN rule_tier = 'HIGH' OR raised_tier = 'HIGH' THEN 'HIGH'
                         WHEN rule_tier = 'MEDIUM' OR raised_tier = 'MEDIUM' THEN 'MEDIUM'
                         ELSE 'LOW' END) STORED,
    rostered_on      DATE          NOT NULL,
    left_on          DATE,
    left_reason      VARCHAR(20)   CHECK (left_reason IN ('NO_LONGER_QUALIFIES', 'DECEASED', 'MOVED_OUT')),
    -- the last counted visit (reached the elder), the day a visit that did not reach them is to be retried, and the
    -- earliest major event not yet followed by a counted visit
    last_visit_at    TIMESTAMPTZ,
    retry_on         DATE,
    event_at         TIMESTAMPTZ,
    CHECK ((left_on IS NULL) = (left_reason IS NULL)),
    CHECK (left_on IS NULL OR left_on >= rostered_on)
);
CREATE UNIQUE INDEX visit_roster_open_uq ON visit_roster (elder_id) WHERE left_on IS NULL;
CREATE INDEX visit_roster_community_idx ON visit_roster (community_code, tier) WHERE left_on IS NULL;
CREATE INDEX visit_roster_elder_idx ON visit_roster (elder_id, rostered_on);

-- Who visits whom: one visitor (a VISITOR or a community clerk of the elder's community) per rostered elder.
CREATE TABLE visit_binding (
    elder_id         BIGINT        PRIMARY KEY REFERENCES elder (id),
    visitor_id       BIGINT        NOT NULL REFERENCES app_user (id),
    bound_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    bound_by         VARCHAR(50)   NOT NULL
);
CREATE INDEX visit_binding_visitor_idx ON visit_binding (visitor_id, elder_id);

-- A visit. Findings in five areas, each FINE / CONCERN / URGENT with a note, only when the elder was reached; a visit
-- that did not reach the elder does not count and schedules a retry. submission_key makes a form sent twice one visit.
CREATE TABLE visit (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    roster_id        BIGINT        NOT NULL REFERENCES visit_roster (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    visitor_id       BIGINT        NOT NULL REFERENCES app_user (id),
    visited_on       DATE          NOT NULL,
    visited_at       TIMESTAMPTZ   NOT NULL,
    mode             VARCHAR(5)    NOT NULL CHECK (mode IN ('HOME', 'PHONE', 'VIDEO')),
    reached          BOOLEAN       NOT NULL,
    health           VARCHAR(7)    CHECK (health IN ('FINE', 'CONCERN', 'URGENT')),
    health_note      VARCHAR(500),
    home_safety      VARCHAR(7)    CHECK (home_safety IN ('FINE', 'CONCERN', 'URGENT')),
    home_safety_note VARCHAR(500),
    money            VARCHAR(7)    CHECK (money IN ('FINE', 'CONCERN', 'URGENT')),
    money_note       VARCHAR(500),
    family           VARCHAR(7)    CHECK (family IN ('FINE', 'CONCERN', 'URGENT')),
    family_note      VARCHAR(500),
    services         VARCHAR(7)    CHECK (services IN ('FINE', 'CONCERN', 'URGENT')),
    services_note    VARCHAR(500),
    note             VARCHAR(1000),
    latitude         NUMERIC(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude        NUMERIC(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    retry_on         DATE,
    submission_key   UUID          NOT NULL UNIQUE,
    created_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by       VARCHAR(50)   NOT NULL,
    CHECK (reached = (health IS NOT NULL AND home_safety IS NOT NULL AND money IS NOT NULL AND family IS NOT NULL
                      AND services IS NOT NULL)),
    CHECK (reached = (retry_on IS NULL)),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX visit_elder_idx ON visit (elder_id, visited_at DESC);
CREATE INDEX visit_community_idx ON visit (community_code, visited_on);

-- An urgent finding: on the street's and the district's alert lists at once, until handled.
CREATE TABLE visit_alert (
    id               BIGSERIAL     PRIMARY KEY,
    visit_id         BIGINT        NOT NULL REFERENCES visit (id),
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    area             VARCHAR(11)   NOT NULL CHECK (area IN ('HEALTH', 'HOME_SAFETY', 'MONEY', 'FAMILY', 'SERVICES')),
    raised_at        TIMESTAMPTZ   NOT NULL,
    handled_at       TIMESTAMPTZ,
    handled_by       VARCHAR(50),
    handled_note     VARCHAR(500),
    UNIQUE (visit_id, area),
    CHECK ((handled_at IS NULL) = (handled_by IS NULL))
);
CREATE INDEX visit_alert_open_idx ON visit_alert (community_code, raised_at) WHERE handled_at IS NULL;

-- What a concern started, with one click: a subsidy application draft, a home-care order, a re-assessment request.
CREATE TABLE visit_action (
    id               BIGSERIAL     PRIMARY KEY,
    visit_id         BIGINT        NOT NULL REFERENCES visit (id),
    area             VARCHAR(11)   NOT NULL CHECK (area IN ('HEALTH', 'HOME_SAFETY', 'MONEY', 'FAMILY', 'SERVICES')),
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('SUBSIDY_APPLICATION', 'HOME_CARE_ORDER', 'REASSESSMENT')),
    started_at       TIMESTAMPTZ   NOT NULL,
    started_by       VARCHAR(50)   NOT NULL,
    UNIQUE (visit_id, area, kind)
);

-- A major event (discharge from hospital, bereavement, a fall): the elder is due within the tier's event_hours.
CREATE TABLE visit_major_event (
    id               BIGSERIAL     PRIMARY KEY,
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    kind             VARCHAR(20)   NOT NULL CHECK (kind IN ('HOSPITAL_DISCHARGE', 'BEREAVEMENT', 'FALL', 'OTHER')),
    occurred_at      TIMESTAMPTZ   NOT NULL,
    note             VARCHAR(500),
    recorded_at      TIMESTAMPTZ   NOT NULL,
    recorded_by      VARCHAR(50)   NOT NULL
);
CREATE INDEX visit_major_event_elder_idx ON visit_major_event (elder_id, occurred_at DESC);

-- A visitor's raise of an elder's tier, with the reason (insert-only; the roster row carries the raise in force).
CREATE TABLE visit_tier_raise (
    id               BIGSERIAL     PRIMARY KEY,
    roster_id        BIGINT        NOT NULL REFERENCES visit_roster (id),
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    from_tier        VARCHAR(6)    NOT NULL CHECK (from_tier IN ('HIGH', 'MEDIUM', 'LOW')),
    to_tier          VARCHAR(6)    NOT NULL CHECK (to_tier IN ('HIGH', 'MEDIUM')),
    reason           VARCHAR(500)  NOT NULL CHECK (length(btrim(reason)) > 0),
    raised_at        TIMESTAMPTZ   NOT NULL,
    raised_by        VARCHAR(50)   NOT NULL
);
CREATE INDEX visit_tier_raise_elder_idx ON visit_tier_raise (elder_id, raised_at DESC);

-- The monthly fact for 月探访率: one row per elder on the roster at any time in the month (written by the roster
-- recompute; on_roster false once they left during the month), counted_visits raised by each counted visit of the
-- month. Rate of a region and month = count(*) FILTER (WHERE counted_visits > 0) / count(*) over its rows with
-- on_roster, by tier; never visited in three months = on the roster three months running with counted_visits = 0.
CREATE TABLE visit_month (
    month            DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    elder_id         BIGINT        NOT NULL REFERENCES elder (id),
    community_code   VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    tier             VARCHAR(6)    NOT NULL CHECK (tier IN ('HIGH', 'MEDIUM', 'LOW')),
    on_roster        BOOLEAN       NOT NULL DEFAULT TRUE,
    counted_visits   INTEGER       NOT NULL DEFAULT 0 CHECK (counted_visits >= 0),
    PRIMARY KEY (month, elder_id)
);
CREATE INDEX visit_month_community_idx ON visit_month (month, community_code, tier) INCLUDE (counted_visits)
    WHERE on_roster;

-- Defaults from the seeds (seed 002, domain.md): system-wide (region NULL) from 2021 (the national guidance).
INSERT INTO visit_roster_rule (region_code, name, criteria, home_only, effective_from, created_by, updated_by) VALUES
 (NULL, '80岁以上独居或空巢', '{"connective":"AND","groups":[{"connective":"AND","criteria":[{"attribute":"AGE","operator":"GE","values":["80"]},{"attribute":"LIVING_ARRANGEMENT","operator":"IN","values":["ALONE","EMPTY_NEST"]}]}]}',
  TRUE, DATE '2021-01-01', 'system', 'system'),
 (NULL, '能力等级2–4级且独居', '{"connective":"AND","groups":[{"connective":"AND","criteria":[{"attribute":"CAPABILITY_LEVEL","operator":"BETWEEN","values":["2","4"]},{"attribute":"LIVING_ARRANGEMENT","operator":"EQ","values":["ALONE"]}]}]}',
  TRUE, DATE '2021-01-01', 'system', 'system'),
 (NULL, '失独及计划生育特殊家庭', '{"connective":"AND","groups":[{"connective":"OR","criteria":[{"attribute":"LOST_ONLY_CHILD","operator":"EQ","values":["true"]},{"attribute":"ONLY_CHILD_DISABLED","operator":"EQ","values":["true"]}]}]}',
  TRUE, DATE '2021-01-01', 'system', 'system'),
 (NULL, '分散供养特困人员', '{"connective":"AND","groups":[{"connective":"AND","criteria":[{"attribute":"ECONOMIC_STATUS","operator":"EQ","values":["EXTREME_POVERTY"]}]}]}',
  TRUE, DATE '2021-01-01', 'system', 'system'),
 (NULL, '重度残疾且独居', '{"connective":"AND","groups":[{"connective":"AND","criteria":[{"attribute":"DISABILITY_LEVEL","operator":"BETWEEN","values":["1","2"]},{"attribute":"LIVING_ARRANGEMENT","operator":"EQ","values":["ALONE"]}]}]}',
  TRUE, DATE '2021-01-01', 'system', 'system');

INSERT INTO visit_tier_rule (region_code, tier, name, criteria, effective_from, created_by, updated_by) VALUES
 (NULL, 'HIGH', '能力等级3–4级且独居', '{"connective":"AND","groups":[{"connective":"AND","criteria":[{"attribute":"CAPABILITY_LEVEL","operator":"BETWEEN","values":["3","4"]},{"attribute":"LIVING_ARRANGEMENT","operator":"EQ","values":["ALONE"]}]}]}',
  DATE '2021-01-01', 'system', 'system'),
 (NULL, 'HIGH', '重病且独居', '{"connective":"AND","groups":[{"connective":"AND","criteria":[{"attribute":"SERIOUS_ILLNESS","operator":"EQ","values":["true"]},{"attribute":"LIVING_ARRANGEMENT","operator":"EQ","values":["ALONE"]}]}]}',
  DATE '2021-01-01', 'system', 'system'),
 (NULL, 'MEDIUM', '80岁以上、失能或特困', '{"connective":"AND","groups":[{"connective":"OR","criteria":[{"attribute":"AGE","operator":"GE","values":["80"]},{"attribute":"CAPABILITY_LEVEL","operator":"BETWEEN","values":["2","4"]},{"attribute":"ECONOMIC_STATUS","operator":"EQ","values":["EXTREME_POVERTY"]}]}]}',
  DATE '2021-01-01', 'system', 'system');

INSERT INTO visit_frequency (region_code, tier, interval_unit, interval_count, event_hours, retry_days, effective_from,
                             created_by) VALUES
 (NULL, 'HIGH', 'WEEK', 1, 24, 2, DATE '2016-01-01', 'system'),
 (NULL, 'MEDIUM', 'MONTH', 1, 24, 2, DATE '2016-01-01', 'system'),
 (NULL, 'LOW', 'MONTH', 3, 24, 2, DATE '2016-01-01', 'system');
