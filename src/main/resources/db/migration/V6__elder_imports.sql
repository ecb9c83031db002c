-- Spreadsheet imports of elders: an import and its rows wait in staging until the user confirms; only then are
-- the accepted rows written to the registry, set-based, in one transaction.
CREATE TABLE elder_import (
    id              BIGSERIAL    PRIMARY KEY,
    file_name       VARCHAR(255) NOT NULL,
    mode            VARCHAR(10)  NOT NULL CHECK (mode IN ('UPDATE', 'SKIP')),
    state           VARCHAR(12)  NOT NULL CHECK (state IN ('READING', 'VALIDATED', 'FAILED', 'IMPORTED', 'CANCELLED')),
    scope_prefix    VARCHAR(12)  NOT NULL COLLATE "C",
    created_by      VARCHAR(50)  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    rows_read       INTEGER      NOT NULL DEFAULT 0,
    new_count       INTEGER      NOT NULL DEFAULT 0,
    update_count    INTEGER      NOT NULL DEFAULT 0,
    skip_count      INTEGER      NOT NULL DEFAULT 0,
    error_count     INTEGER      NOT NULL DEFAULT 0,
    failure_key     VARCHAR(100),
    failure_arg     VARCHAR(100),
    imported_at     TIMESTAMPTZ,
    version         BIGINT       NOT NULL DEFAULT 0
);

CREATE INDEX elder_import_scope_idx ON elder_import (scope_prefix, created_at DESC);

CREATE TABLE elder_import_row (
    import_id           BIGINT        NOT NULL REFERENCES elder_import (id) ON DELETE CASCADE,
    row_no              INTEGER       NOT NULL,
    resident_id         VARCHAR(40)   COLLATE "C",
    birth_date          DATE,
    sex                 VARCHAR(6),
    name                VARCHAR(200),
    community_code      VARCHAR(40)   COLLATE "C",
    address             VARCHAR(400),
    phone               VARCHAR(60),
    ethnicity           VARCHAR(40),
    hukou_local         BOOLEAN,
    living_arrangement  VARCHAR(16),
    solitary            BOOLEAN,
    lost_only_child     BOOLEAN,
    economic_status     VARCHAR(20),
    income_per_person   NUMERIC(10, 2),
    guardian_name       VARCHAR(100),
    guardian_relation   VARCHAR(40),
    guardian_phone      VARCHAR(60),
    emergency_name      VARCHAR(100),
    emergency_phone     VARCHAR(60),
    notes               VARCHAR(2000),
    -- problems as 'COLUMN|message.key' entries; a row with any is not imported
    errors              TEXT[]        NOT NULL DEFAULT '{}',
    outcome             VARCHAR(8)    CHECK (outcome IN ('NEW', 'UPDATE', 'SKIP', 'ERROR')),
    elder_id            BIGINT,
    PRIMARY KEY (import_id, row_no)
);

CREATE INDEX elder_import_row_resident_idx ON elder_import_row (import_id, resident_id);
