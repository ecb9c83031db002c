-- Lists of deaths and move-outs sent by other agencies (public security 户籍, health, funeral homes).
-- A list is stored and checked against the registry at upload; the registry changes only when district staff
-- confirm it. Both tables keep the list and each row's outcome after confirmation, as the record of what was done.
CREATE TABLE status_import (
    id                      BIGSERIAL     PRIMARY KEY,
    kind                    VARCHAR(10)   NOT NULL CHECK (kind IN ('DEATH', 'MOVE_OUT')),
    file_name               VARCHAR(255)  NOT NULL,
    created_by              VARCHAR(50)   NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL DEFAULT now(),
    -- the uploader's region scope: rows were matched only against elders inside it
    scope_prefix            VARCHAR(12)   NOT NULL COLLATE "C" CHECK (scope_prefix ~ '^([0-9]{6}|[0-9]{9}|[0-9]{12})?$'),
    state                   VARCHAR(10)   NOT NULL DEFAULT 'UPLOADED' CHECK (state IN ('UPLOADED', 'CONFIRMED', 'CANCELLED')),
    row_count               INTEGER       NOT NULL DEFAULT 0,
    matched_count           INTEGER       NOT NULL DEFAULT 0,
    unmatched_count         INTEGER       NOT NULL DEFAULT 0,
    already_inactive_count  INTEGER       NOT NULL DEFAULT 0,
    conflict_count          INTEGER       NOT NULL DEFAULT 0,
    invalid_count           INTEGER       NOT NULL DEFAULT 0,
    -- elders whose life status the confirmation changed
    applied_count           INTEGER,
    decided_by              VARCHAR(50),
    decided_at              TIMESTAMPTZ,
    CHECK ((state = 'UPLOADED') = (decided_at IS NULL))
);

-- history: lists whose scope starts with the user's prefix, newest first
CREATE INDEX status_import_scope_idx ON status_import (scope_prefix, id DESC);

CREATE TABLE status_import_row (
    import_id        BIGINT        NOT NULL REFERENCES status_import (id),
    -- the row number in the spreadsheet (the header is row 1), so the user can find the row in the file
    row_no           INTEGER       NOT NULL,
    raw_resident_id  VARCHAR(40),
    -- the 18-character form; NULL when the ID cannot be read
    resident_id      VARCHAR(18)   COLLATE "C" CHECK (resident_id ~ '^[0-9]{17}[0-9X]$'),
    raw_date         VARCHAR(40),
    event_date       DATE,
    agency           VARCHAR(100),
    document_no      VARCHAR(100),
    elder_id         BIGINT        REFERENCES elder (id),
    outcome          VARCHAR(16)   CHECK (outcome IN ('MATCHED', 'UNMATCHED', 'ALREADY_INACTIVE', 'CONFLICT', 'INVALID')),
    -- message key explaining the outcome
    reason           VARCHAR(100),
    PRIMARY KEY (import_id, row_no)
);

CREATE INDEX status_import_row_outcome_idx ON status_import_row (import_id, outcome, row_no);
CREATE INDEX status_import_row_elder_idx ON status_import_row (elder_id) WHERE elder_id IS NOT NULL;
