-- Inbound life events and status changes through the API (issue 22 §3). They travel the path of the agency lists
-- (status_import / status_import_row): each API batch becomes one list per kind of event, classified by the same
-- SQL, applied by the same statement and, where district confirmation is required, left open in the same queue.

-- the list kinds the API adds: a move into a community of the region, a change of economic status (social assistance)
-- and a disability certificate (disabled persons' federation)
ALTER TABLE status_import DROP CONSTRAINT status_import_kind_check;
ALTER TABLE status_import ALTER COLUMN kind TYPE VARCHAR(20);
ALTER TABLE status_import ADD CONSTRAINT status_import_kind_check
    CHECK (kind IN ('DEATH', 'MOVE_OUT', 'MOVE_IN', 'ECONOMIC_STATUS', 'DISABILITY'));
-- the API client whose events the list holds; NULL for an uploaded spreadsheet
ALTER TABLE status_import ADD COLUMN api_client_id BIGINT;

-- what a row reports besides the date: the new community (MOVE_IN), the new economic status (ECONOMIC_STATUS) or the
-- certificate's category and level (DISABILITY); checked like the elder table's own columns
ALTER TABLE status_import_row
    ADD COLUMN community_code       VARCHAR(12) COLLATE "C" CHECK (community_code ~ '^[0-9]{12}$'),
    ADD COLUMN economic_status      VARCHAR(20)
        CHECK (economic_status IN ('EXTREME_POVERTY', 'MINIMUM_LIVING', 'MARGINAL', 'LOW_INCOME', 'NONE')),
    ADD COLUMN disability_category  VARCHAR(12)
        CHECK (disability_category IN ('VISUAL', 'HEARING', 'SPEECH', 'PHYSICAL', 'INTELLECTUAL', 'MENTAL', 'MULTIPLE')),
    ADD COLUMN disability_level     SMALLINT CHECK (disability_level BETWEEN 1 AND 4);

-- One row per event a client sent, by the sending system's own event id: a repeated delivery (also two deliveries of
-- the same batch at once) finds its row and changes nothing. Claimed with INSERT … ON CONFLICT DO NOTHING before any
-- change is made; the row of the list that holds the event is filled in the same transaction.
CREATE TABLE api_inbound_event (
    client_id     BIGINT        NOT NULL,
    event_id      VARCHAR(100)  NOT NULL COLLATE "C",
    -- md5 of the event as received (canonical JSON): the same id sent again with other content is told apart
    content_hash  VARCHAR(32)   NOT NULL,
    received_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    import_id     BIGINT        REFERENCES status_import (id),
    row_no        INTEGER,
    PRIMARY KEY (client_id, event_id),
    FOREIGN KEY (import_id, row_no) REFERENCES status_import_row (import_id, row_no)
);

CREATE INDEX api_inbound_event_row_idx ON api_inbound_event (import_id, row_no);
