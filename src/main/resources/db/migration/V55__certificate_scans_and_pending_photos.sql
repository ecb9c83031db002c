-- Issue 23 follow-up (stars): a certificate's scan, and inspection photos held while the inspection form is corrected.
-- Both are rows of supervision_attachment (same limits, same first-bytes check, same download route):
--   * certificate_id: the scan of a recorded certificate (PDF, JPEG or PNG);
--   * pending_inspection_id / pending_item_id: a photo of an item of an open inspection, uploaded with a form that came
--     back with errors; it is linked to the item's result (inspection_id, item_id) when the inspection is submitted,
--     deleted when the inspector drops it or submits without it, and cleaned up after 7 days when never submitted.
ALTER TABLE supervision_attachment
    ADD COLUMN certificate_id BIGINT REFERENCES supervision_certificate (id),
    ADD COLUMN pending_inspection_id BIGINT REFERENCES supervision_inspection (id),
    ADD COLUMN pending_item_id BIGINT REFERENCES supervision_checklist_item (id);

-- V52's two checks (exactly one of finding / inspection item) become: exactly one of the four owners
ALTER TABLE supervision_attachment DROP CONSTRAINT supervision_attachment_check,
    DROP CONSTRAINT supervision_attachment_check1;
ALTER TABLE supervision_attachment
    ADD CONSTRAINT supervision_attachment_one_owner
        CHECK (num_nonnulls(finding_id, inspection_id, certificate_id, pending_inspection_id) = 1),
    ADD CONSTRAINT supervision_attachment_item_pair CHECK ((inspection_id IS NULL) = (item_id IS NULL)),
    ADD CONSTRAINT supervision_attachment_pending_pair CHECK ((pending_inspection_id IS NULL) = (pending_item_id IS NULL)),
    ADD CONSTRAINT supervision_attachment_pending_image
        CHECK (pending_inspection_id IS NULL OR content_type IN ('image/jpeg', 'image/png'));

CREATE INDEX supervision_attachment_certificate ON supervision_attachment (certificate_id) WHERE certificate_id IS NOT NULL;
CREATE INDEX supervision_attachment_pending ON supervision_attachment (pending_inspection_id, uploaded_by)
    WHERE pending_inspection_id IS NOT NULL;
