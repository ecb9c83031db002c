-- Issue 23, the institution manager's part: files as evidence of a rectification (photos, PDF) and photos of
-- inspection items, kept in the database; a finding is closed only with evidence uploaded since its last failed
-- re-check.
CREATE TABLE supervision_attachment (
    id              BIGSERIAL     PRIMARY KEY,
    finding_id      BIGINT        REFERENCES supervision_finding (id),
    inspection_id   BIGINT,
    item_id         BIGINT,
    file_name       VARCHAR(200)  NOT NULL,
    content_type    VARCHAR(40)   NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'application/pdf')),
    size_bytes      INTEGER       NOT NULL CHECK (size_bytes > 0),
    content         BYTEA         NOT NULL,
    uploaded_by     VARCHAR(50)   NOT NULL,
    uploaded_at     TIMESTAMPTZ   NOT NULL,
    FOREIGN KEY (inspection_id, item_id) REFERENCES supervision_result (inspection_id, item_id),
    -- evidence of a finding, or a photo of an inspection item
    CHECK ((finding_id IS NOT NULL) <> (inspection_id IS NOT NULL AND item_id IS NOT NULL)),
    CHECK ((inspection_id IS NULL) = (item_id IS NULL))
);
CREATE INDEX supervision_attachment_finding ON supervision_attachment (finding_id) WHERE finding_id IS NOT NULL;
CREATE INDEX supervision_attachment_result ON supervision_attachment (inspection_id, item_id) WHERE inspection_id IS NOT NULL;

-- when a re-check last found the finding not put right: evidence from before it no longer counts
ALTER TABLE supervision_finding ADD COLUMN recheck_failed_at TIMESTAMPTZ;
