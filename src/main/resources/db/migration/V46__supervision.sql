-- Institution supervision (issue 23, first part): inspection checklists as versioned data, inspections of care
-- institutions with one result per checklist item, findings with deadlines by severity (data per region) and their
-- rectification, re-check and closure.

-- A checklist version applies from its date; an inspection keeps the version it used.
CREATE TABLE supervision_checklist (
    id              BIGSERIAL    PRIMARY KEY,
    version         INTEGER      NOT NULL UNIQUE CHECK (version > 0),
    effective_from  DATE         NOT NULL UNIQUE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    created_by      VARCHAR(50)  NOT NULL
);

CREATE TABLE supervision_checklist_item (
    id            BIGSERIAL     PRIMARY KEY,
    checklist_id  BIGINT        NOT NULL REFERENCES supervision_checklist (id),
    position      INTEGER       NOT NULL,
    area          VARCHAR(12)   NOT NULL CHECK (area IN ('FIRE', 'FOOD', 'CARE', 'BUILDING', 'RECORDS', 'STAFFING')),
    name_zh       VARCHAR(200)  NOT NULL,
    name_en       VARCHAR(200)  NOT NULL,
    severity      VARCHAR(8)    NOT NULL CHECK (severity IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    UNIQUE (checklist_id, position)
);

INSERT INTO supervision_checklist (version, effective_from, created_by) VALUES (1, DATE '2020-01-01', 'GB 38600-2019');
INSERT INTO supervision_checklist_item (checklist_id, position, area, name_zh, name_en, severity)
SELECT c.id, v.position, v.area, v.name_zh, v.name_en, v.severity
FROM supervision_checklist c,
     (VALUES
        (10, 'FIRE', '消防设施完好有效，定期检测', 'Fire equipment in working order and tested', 'RED'),
        (11, 'FIRE', '疏散通道、安全出口畅通', 'Escape routes and exits clear', 'RED'),
        (12, 'FIRE', '定期开展消防演练', 'Regular fire drills held', 'ORANGE'),
        (13, 'FIRE', '无违规用火用电', 'No unsafe use of fire or electricity', 'RED'),
        (20, 'FOOD', '食品经营许可在有效期内', 'Food business licence valid', 'ORANGE'),
        (21, 'FOOD', '食品留样 48 小时', 'Food samples kept 48 hours', 'YELLOW'),
        (22, 'FOOD', '从业人员持有健康证明', 'Kitchen staff hold health certificates', 'YELLOW'),
        (30, 'CARE', '防噎食：风险评估与进食照护', 'Choking: risk assessed and eating supervised', 'RED'),
        (31, 'CARE', '防食品、药品误食', 'Wrong food or medicine prevented', 'RED'),
        (32, 'CARE', '防压疮：定时翻身与皮肤检查', 'Pressure sores: regular turning and skin checks', 'ORANGE'),
        (33, 'CARE', '防烫伤：热水与取暖设备管理', 'Scalds: hot water and heaters controlled', 'ORANGE'),
        (34, 'CARE', '防坠床：床栏与风险评估', 'Falls from bed: bed rails and risk assessed', 'ORANGE'),
        (35, 'CARE', '防跌倒：防滑、扶手与照明', 'Falls: non-slip floors, handrails and lighting', 'ORANGE'),
        (36, 'CARE', '防走失：出入管理与识别', 'Wandering: exits controlled and residents identifiable', 'ORANGE'),
        (37, 'CARE', '防他伤和自伤：风险识别与干预', 'Harm to others or self: risks identified and handled', 'RED'),
        (38, 'CARE', '防活动意外：活动前评估与看护', 'Accidents in activities: assessed and supervised', 'YELLOW'),
        (40, 'BUILDING', '建筑无安全隐患，无障碍设施完好', 'Building sound and barrier-free features intact', 'ORANGE'),
        (41, 'BUILDING', '呼叫装置可用', 'Call buttons working', 'YELLOW'),
        (50, 'RECORDS', '入住评估与服务合同齐全', 'Admission assessments and contracts on file', 'BLUE'),
        (51, 'RECORDS', '交接班与护理记录完整', 'Handover and care records complete', 'BLUE'),
        (60, 'STAFFING', '护理员配备符合要求', 'Caregiver staffing meets the ratio', 'YELLOW'),
        (61, 'STAFFING', '护理员经培训上岗', 'Caregivers trained before working', 'BLUE')
     ) AS v (position, area, name_zh, name_en, severity)
WHERE c.version = 1;

-- How long an institution has to put a finding right, by severity, per region ('' = every region) from a date; the
-- longest matching prefix of the institution's community code wins, then the latest date not after the finding.
CREATE TABLE supervision_deadline (
    id              BIGSERIAL    PRIMARY KEY,
    region_prefix   VARCHAR(12)  NOT NULL COLLATE "C" DEFAULT '',
    severity        VARCHAR(8)   NOT NULL CHECK (severity IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    amount          INTEGER      NOT NULL CHECK (amount BETWEEN 1 AND 365),
    unit            VARCHAR(5)   NOT NULL CHECK (unit IN ('HOURS', 'DAYS')),
    effective_from  DATE         NOT NULL,
    created_by      VARCHAR(50)  NOT NULL,
    UNIQUE (region_prefix, severity, effective_from)
);
INSERT INTO supervision_deadline (severity, amount, unit, effective_from, created_by) VALUES
    ('RED', 24, 'HOURS', DATE '2020-01-01', 'issue 23'),
    ('ORANGE', 3, 'DAYS', DATE '2020-01-01', 'issue 23'),
    ('YELLOW', 7, 'DAYS', DATE '2020-01-01', 'issue 23'),
    ('BLUE', 15, 'DAYS', DATE '2020-01-01', 'issue 23');

CREATE TABLE supervision_inspection (
    id                   BIGSERIAL     PRIMARY KEY,
    institution_id       BIGINT        NOT NULL REFERENCES institution (id),
    checklist_id         BIGINT        NOT NULL REFERENCES supervision_checklist (id),
    inspected_on         DATE          NOT NULL,
    status               VARCHAR(10)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'SUBMITTED')),
    inspector_name       VARCHAR(50),
    representative_name  VARCHAR(50),
    note                 VARCHAR(1000),
    submitted_at         TIMESTAMPTZ,
    demo                 BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by           VARCHAR(50)   NOT NULL,
    CHECK (status = 'OPEN' OR (submitted_at IS NOT NULL AND inspector_name IS NOT NULL AND representative_name IS NOT NULL))
);
-- one open inspection per institution and day
CREATE UNIQUE INDEX supervision_inspection_open ON supervision_inspection (institution_id, inspected_on) WHERE status = 'OPEN';
CREATE INDEX supervision_inspection_year ON supervision_inspection (institution_id, inspected_on);

CREATE TABLE supervision_result (
    inspection_id  BIGINT        NOT NULL REFERENCES supervision_inspection (id),
    item_id        BIGINT        NOT NULL REFERENCES supervision_checklist_item (id),
    outcome        VARCHAR(14)   NOT NULL CHECK (outcome IN ('PASS', 'FAIL', 'NOT_APPLICABLE')),
    note           VARCHAR(500),
    PRIMARY KEY (inspection_id, item_id)
);

CREATE TABLE supervision_finding (
    id                 BIGSERIAL     PRIMARY KEY,
    inspection_id      BIGINT        NOT NULL REFERENCES supervision_inspection (id),
    item_id            BIGINT        NOT NULL REFERENCES supervision_checklist_item (id),
    institution_id     BIGINT        NOT NULL REFERENCES institution (id),
    severity           VARCHAR(8)    NOT NULL CHECK (severity IN ('RED', 'ORANGE', 'YELLOW', 'BLUE')),
    note               VARCHAR(500),
    found_at           TIMESTAMPTZ   NOT NULL,
    deadline           TIMESTAMPTZ   NOT NULL,
    rectification      VARCHAR(1000),
    rectified_at       TIMESTAMPTZ,
    rectified_by       VARCHAR(50),
    recheck_note       VARCHAR(1000),
    closed_at          TIMESTAMPTZ,
    closed_by          VARCHAR(50),
    UNIQUE (inspection_id, item_id),
    CHECK (closed_at IS NULL OR rectification IS NOT NULL)
);
CREATE INDEX supervision_finding_open ON supervision_finding (deadline) WHERE closed_at IS NULL;
CREATE INDEX supervision_finding_institution ON supervision_finding (institution_id) WHERE closed_at IS NULL;

-- Incidents in institutions (reported by staff for now), reviewed by the district; never deleted (no route deletes,
-- and the trigger refuses a DELETE).
CREATE TABLE supervision_incident (
    id                  BIGSERIAL     PRIMARY KEY,
    institution_id      BIGINT        NOT NULL REFERENCES institution (id),
    kind                VARCHAR(16)   NOT NULL CHECK (kind IN ('FALL', 'CHOKING', 'WRONG_MEDICINE', 'SCALD', 'PRESSURE_SORE',
                                                               'FALL_FROM_BED', 'WANDERING', 'HARM', 'ACTIVITY', 'FIRE',
                                                               'FOOD_POISONING', 'OTHER')),
    occurred_at         TIMESTAMPTZ   NOT NULL,
    residents           VARCHAR(500)  NOT NULL,
    family_notified_at  TIMESTAMPTZ,
    hospital            VARCHAR(100),
    outcome             VARCHAR(1000) NOT NULL,
    reported_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    reported_by         VARCHAR(50)   NOT NULL,
    review_note         VARCHAR(1000),
    reviewed_at         TIMESTAMPTZ,
    reviewed_by         VARCHAR(50),
    CHECK (family_notified_at IS NULL OR family_notified_at >= occurred_at)
);
CREATE INDEX supervision_incident_institution ON supervision_incident (institution_id, occurred_at DESC);
CREATE INDEX supervision_incident_occurred ON supervision_incident (occurred_at DESC);

CREATE FUNCTION supervision_incident_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'incidents are never deleted';
END $$;
CREATE TRIGGER supervision_incident_no_delete BEFORE DELETE ON supervision_incident
    FOR EACH ROW EXECUTE FUNCTION supervision_incident_kept();
