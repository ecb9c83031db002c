-- Issue 23, certificates and star ratings: an institution's certificates and insurance (fire safety, food business
-- licence, medical licence where its medical arrangement needs one, liability insurance) with their history, the
-- warning period before expiry as data per region, and star ratings (GB/T 37276-2018) with the scoring scheme as data.

-- One row per certificate recorded; recording the same kind again replaces the current one (history kept).
CREATE TABLE supervision_certificate (
    id              BIGSERIAL     PRIMARY KEY,
    institution_id  BIGINT        NOT NULL REFERENCES institution (id),
    kind            VARCHAR(20)   NOT NULL CHECK (kind IN ('FIRE_SAFETY', 'FOOD_LICENCE', 'MEDICAL_LICENCE',
                                                           'LIABILITY_INSURANCE')),
    number          VARCHAR(60)   NOT NULL,
    -- the issuing authority, or the insurer of a liability insurance
    issuer          VARCHAR(100),
    issued_on       DATE          NOT NULL,
    -- a fire-safety acceptance need not expire; every other kind does
    expires_on      DATE,
    note            VARCHAR(500),
    recorded_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    recorded_by     VARCHAR(50)   NOT NULL,
    replaced_at     TIMESTAMPTZ,
    replaced_by     VARCHAR(50),
    demo            BOOLEAN       NOT NULL DEFAULT FALSE,
    CHECK (expires_on IS NULL OR expires_on > issued_on),
    CHECK (kind = 'FIRE_SAFETY' OR expires_on IS NOT NULL),
    CHECK ((replaced_at IS NULL) = (replaced_by IS NULL))
);
-- one current certificate per institution and kind
CREATE UNIQUE INDEX supervision_certificate_current ON supervision_certificate (institution_id, kind) WHERE replaced_at IS NULL;
CREATE INDEX supervision_certificate_history ON supervision_certificate (institution_id, kind, recorded_at DESC);

-- How many days before its expiry a certificate shows as expiring, per region prefix ('' = everywhere) from a date;
-- the longest matching prefix of the institution's community code wins, then the latest date not after today.
CREATE TABLE supervision_certificate_warning (
    id              BIGSERIAL    PRIMARY KEY,
    region_prefix   VARCHAR(12)  NOT NULL COLLATE "C" DEFAULT '',
    days            INTEGER      NOT NULL CHECK (days BETWEEN 1 AND 365),
    effective_from  DATE         NOT NULL,
    created_by      VARCHAR(50)  NOT NULL,
    UNIQUE (region_prefix, effective_from)
);
INSERT INTO supervision_certificate_warning (days, effective_from, created_by) VALUES (30, DATE '2020-01-01', 'issue 23');

-- The scoring scheme of star ratings, per region prefix from a date: the sections with their maxima, the grade
-- thresholds, the required conditions and how long a rating is valid. A rating keeps the scheme it was applied under.
CREATE TABLE supervision_rating_scheme (
    id               BIGSERIAL     PRIMARY KEY,
    region_prefix    VARCHAR(12)   NOT NULL COLLATE "C" DEFAULT '',
    effective_from   DATE          NOT NULL,
    validity_months  INTEGER       NOT NULL CHECK (validity_months BETWEEN 1 AND 120),
    source           VARCHAR(400)  NOT NULL,
    created_by       VARCHAR(50)   NOT NULL,
    UNIQUE (region_prefix, effective_from)
);

CREATE TABLE supervision_rating_section (
    scheme_id  BIGINT        NOT NULL REFERENCES supervision_rating_scheme (id),
    section    VARCHAR(12)   NOT NULL CHECK (section IN ('ENVIRONMENT', 'FACILITIES', 'OPERATIONS', 'SERVICES')),
    max_score  NUMERIC(6, 1) NOT NULL CHECK (max_score > 0),
    PRIMARY KEY (scheme_id, section)
);

-- A grade needs the total and, in every section, the given share of the section's maximum.
CREATE TABLE supervision_rating_threshold (
    scheme_id            BIGINT        NOT NULL REFERENCES supervision_rating_scheme (id),
    grade                SMALLINT      NOT NULL CHECK (grade BETWEEN 1 AND 5),
    min_total            NUMERIC(6, 1) NOT NULL CHECK (min_total >= 0),
    min_section_percent  NUMERIC(5, 2) NOT NULL CHECK (min_section_percent BETWEEN 0 AND 100),
    PRIMARY KEY (scheme_id, grade)
);

-- 基本要求: every one must hold for any grade.
CREATE TABLE supervision_rating_condition (
    scheme_id  BIGINT        NOT NULL REFERENCES supervision_rating_scheme (id),
    position   INTEGER       NOT NULL,
    name_zh    VARCHAR(200)  NOT NULL,
    name_en    VARCHAR(200)  NOT NULL,
    PRIMARY KEY (scheme_id, position)
);

-- The default scheme. Sections and thresholds: GB/T 37276-2018 as quoted by 长沙市养老机构等级评定实施细则（试行）
-- (2021): 1000 points = environment 120 + facilities 130 + operations 150 + services 600; grade 1 from 360 points and
-- 40 % in every section, 2: 450 / 50 %, 3: 570 / 60 %, 4: 780 / 80 %, 5: 900 / 90 %. The required conditions and the
-- three-year validity are chosen defaults (the standard's own text was not at hand): a district may add its own
-- scheme version (data; no page edits it yet).
INSERT INTO supervision_rating_scheme (effective_from, validity_months, source, created_by)
VALUES (DATE '2019-01-01', 36, 'GB/T 37276-2018 (sections and thresholds as quoted by 长沙市养老机构等级评定实施细则（试行）); required conditions and validity: chosen defaults', 'issue 23');
INSERT INTO supervision_rating_section (scheme_id, section, max_score)
SELECT s.id, v.section, v.max_score FROM supervision_rating_scheme s,
    (VALUES ('ENVIRONMENT', 120.0), ('FACILITIES', 130.0), ('OPERATIONS', 150.0), ('SERVICES', 600.0)) AS v (section, max_score)
WHERE s.region_prefix = '' AND s.effective_from = DATE '2019-01-01';
INSERT INTO supervision_rating_threshold (scheme_id, grade, min_total, min_section_percent)
SELECT s.id, v.grade, v.min_total, v.percent FROM supervision_rating_scheme s,
    (VALUES (1, 360.0, 40.0), (2, 450.0, 50.0), (3, 570.0, 60.0), (4, 780.0, 80.0), (5, 900.0, 90.0)) AS v (grade, min_total, percent)
WHERE s.region_prefix = '' AND s.effective_from = DATE '2019-01-01';
INSERT INTO supervision_rating_condition (scheme_id, position, name_zh, name_en)
SELECT s.id, v.position, v.name_zh, v.name_en FROM supervision_rating_scheme s,
    (VALUES (1, '依法登记并完成养老机构备案', 'Legally registered and filed as a care institution'),
            (2, '开业运营满一年', 'In operation for at least one year'),
            (3, '符合消防、食品、卫生、建筑等强制性标准，消防安全检查合格', 'Meets the mandatory fire, food, health and building standards; fire safety inspection passed'),
            (4, '申请前一年内未发生重大安全责任事故', 'No major liability accident in the year before applying'),
            (5, '无虐待、歧视、侮辱老年人的行为', 'No abuse, discrimination or humiliation of residents'))
    AS v (position, name_zh, name_en)
WHERE s.region_prefix = '' AND s.effective_from = DATE '2019-01-01';

-- A rating: applied for (a grade), scored by inspectors, decided (a grade or not rated), valid for the scheme's period.
CREATE TABLE supervision_rating (
    id               BIGSERIAL     PRIMARY KEY,
    institution_id   BIGINT        NOT NULL REFERENCES institution (id),
    scheme_id        BIGINT        NOT NULL REFERENCES supervision_rating_scheme (id),
    applied_grade    SMALLINT      NOT NULL CHECK (applied_grade BETWEEN 1 AND 5),
    applied_on       DATE          NOT NULL,
    applied_by       VARCHAR(50)   NOT NULL,
    status           VARCHAR(8)    NOT NULL DEFAULT 'APPLIED' CHECK (status IN ('APPLIED', 'DECIDED')),
    environment      NUMERIC(6, 1),
    facilities       NUMERIC(6, 1),
    operations       NUMERIC(6, 1),
    services         NUMERIC(6, 1),
    total            NUMERIC(7, 1),
    -- positions of the required conditions found to hold
    conditions_held  INTEGER[]     NOT NULL DEFAULT '{}',
    grade            SMALLINT      CHECK (grade BETWEEN 1 AND 5),
    rated_on         DATE,
    valid_until      DATE,
    note             VARCHAR(1000),
    decided_by       VARCHAR(50),
    decided_at       TIMESTAMPTZ,
    -- carried over from institution.star_level by V53: a grade without scores
    legacy           BOOLEAN       NOT NULL DEFAULT FALSE,
    demo             BOOLEAN       NOT NULL DEFAULT FALSE,
    CHECK (status = 'APPLIED' OR (rated_on IS NOT NULL AND decided_by IS NOT NULL AND decided_at IS NOT NULL)),
    CHECK (status = 'DECIDED' OR grade IS NULL),
    CHECK ((grade IS NULL) = (valid_until IS NULL)),
    CHECK (valid_until IS NULL OR valid_until > rated_on),
    CHECK (legacy OR grade IS NULL OR (environment IS NOT NULL AND facilities IS NOT NULL AND operations IS NOT NULL
                                       AND services IS NOT NULL AND total IS NOT NULL))
);
-- one application under way per institution
CREATE UNIQUE INDEX supervision_rating_open ON supervision_rating (institution_id) WHERE status = 'APPLIED';
CREATE INDEX supervision_rating_institution ON supervision_rating (institution_id, rated_on DESC, id DESC) WHERE status = 'DECIDED';

-- institution.star_level / star_rated_on become a copy of the latest decided rating (its grade, or none when it was
-- not rated), written only by this trigger: the rating records are the one source of the grade.
CREATE FUNCTION supervision_rating_to_institution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE institution i SET star_level = latest.grade,
                             star_rated_on = CASE WHEN latest.grade IS NULL THEN NULL ELSE latest.rated_on END
    FROM (SELECT NEW.institution_id AS institution_id) x
    LEFT JOIN LATERAL (SELECT r.grade, r.rated_on FROM supervision_rating r
                       WHERE r.institution_id = x.institution_id AND r.status = 'DECIDED'
                       ORDER BY r.rated_on DESC, r.id DESC LIMIT 1) latest ON TRUE
    WHERE i.id = x.institution_id
      AND (i.star_level IS DISTINCT FROM latest.grade
           OR i.star_rated_on IS DISTINCT FROM CASE WHEN latest.grade IS NULL THEN NULL ELSE latest.rated_on END);
    RETURN NULL;
END $$;

-- the grade carried over: one legacy rating per institution with a star level today
INSERT INTO supervision_rating (institution_id, scheme_id, applied_grade, applied_on, applied_by, status, grade,
                                rated_on, valid_until, note, decided_by, decided_at, legacy, demo)
SELECT i.id, s.id, i.star_level, i.star_rated_on, 'V53', 'DECIDED', i.star_level, i.star_rated_on,
       (i.star_rated_on + make_interval(months => s.validity_months) - interval '1 day')::date,
       NULL, 'V53', now(), TRUE, i.demo
FROM institution i JOIN supervision_rating_scheme s ON s.region_prefix = '' AND s.effective_from = DATE '2019-01-01'
WHERE i.star_level IS NOT NULL;

CREATE TRIGGER supervision_rating_star AFTER INSERT OR UPDATE ON supervision_rating
    FOR EACH ROW EXECUTE FUNCTION supervision_rating_to_institution();

-- nothing else writes the copy: a direct write (not from the trigger above) is refused
CREATE FUNCTION institution_star_from_ratings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF pg_trigger_depth() = 1 AND (
            (TG_OP = 'INSERT' AND (NEW.star_level IS NOT NULL OR NEW.star_rated_on IS NOT NULL))
            OR (TG_OP = 'UPDATE' AND (NEW.star_level IS DISTINCT FROM OLD.star_level
                                      OR NEW.star_rated_on IS DISTINCT FROM OLD.star_rated_on))) THEN
        RAISE EXCEPTION 'institution.star_level is set by star ratings (supervision_rating) only';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER institution_star_guard BEFORE INSERT OR UPDATE ON institution
    FOR EACH ROW EXECUTE FUNCTION institution_star_from_ratings();
