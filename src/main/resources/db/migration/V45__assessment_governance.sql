-- Capability assessment governance (issue 21 §5, GB/T 42195-2022): two assessors and their assessment agency, a
-- validity per region with effective dates, the due list, and re-assessment on request or dispute.

-- The assessment agencies (评估机构) a district keeps.
CREATE TABLE assessment_agency (
    id           BIGSERIAL     PRIMARY KEY,
    name         VARCHAR(100)  NOT NULL,
    region_code  VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    active       BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by   VARCHAR(50)   NOT NULL
);
CREATE UNIQUE INDEX assessment_agency_name_uq ON assessment_agency (region_code, name);

-- New assessments name a second assessor and the agency (required by the form); those made before migrate as they
-- are, without either ("not recorded" on the page). A re-assessment on request or dispute names the assessment it
-- reviews (kept unchanged) and why.
ALTER TABLE assessment
    ADD COLUMN second_assessor     VARCHAR(50),
    ADD COLUMN agency_id           BIGINT REFERENCES assessment_agency (id),
    ADD COLUMN valid_until         DATE,
    ADD COLUMN reviews_id          BIGINT REFERENCES assessment (id),
    ADD COLUMN review_cause        VARCHAR(10) CHECK (review_cause IN ('REQUEST', 'DISPUTE')),
    ADD COLUMN review_note         VARCHAR(500),
    ADD CONSTRAINT assessment_assessors_together CHECK ((second_assessor IS NULL) = (agency_id IS NULL)),
    ADD CONSTRAINT assessment_review_cause CHECK ((reviews_id IS NULL) = (review_cause IS NULL));

-- How long an assessment holds, per region with effective dates (nearest region wins; a row without region is the
-- default). The validity in force on the day of the assessment fixes its last valid day.
CREATE TABLE assessment_validity (
    id              BIGSERIAL     PRIMARY KEY,
    region_code     VARCHAR(12)   COLLATE "C" REFERENCES region (code),
    months          SMALLINT      NOT NULL CHECK (months BETWEEN 1 AND 120),
    effective_from  DATE          NOT NULL,
    source          VARCHAR(200),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)   NOT NULL
);
CREATE UNIQUE INDEX assessment_validity_start_uq ON assessment_validity (COALESCE(region_code, ''), effective_from);
INSERT INTO assessment_validity (region_code, months, effective_from, source, created_by)
VALUES (NULL, 12, DATE '2000-01-01', '老年人能力评估结果有效期默认 12 个月（各地可另定）', 'system');

-- Assessments made so far hold for the default 12 months: the last valid day is the day before the anniversary.
UPDATE assessment SET valid_until = CAST(assessed_on + INTERVAL '12 months' AS date) - 1;

-- The elder's latest assessment's last valid day, kept with capability_level in the same transaction, so that the
-- due list and the rule attribute "assessment valid on date" read one indexed column.
ALTER TABLE elder ADD COLUMN assessment_valid_until DATE;
UPDATE elder e SET assessment_valid_until = a.valid_until
FROM (SELECT DISTINCT ON (elder_id) elder_id, valid_until FROM assessment
      ORDER BY elder_id, assessed_on DESC, id DESC) a
WHERE a.elder_id = e.id;
CREATE INDEX elder_assessment_due_idx ON elder (assessment_valid_until, community_code)
    WHERE life_status = 'ACTIVE' AND assessment_valid_until IS NOT NULL;
