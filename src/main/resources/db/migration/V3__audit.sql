-- Insert-only audit trail of changes and of views of personal data.
CREATE TABLE audit_event (
    id          BIGSERIAL    PRIMARY KEY,
    at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    actor       VARCHAR(50)  NOT NULL,
    action      VARCHAR(50)  NOT NULL,
    entity      VARCHAR(50),
    entity_id   VARCHAR(50),
    details     JSONB
);

CREATE INDEX audit_event_at_idx ON audit_event (at DESC);
CREATE INDEX audit_event_entity_idx ON audit_event (entity, entity_id, at DESC);
CREATE INDEX audit_event_actor_idx ON audit_event (actor, at DESC);

CREATE FUNCTION audit_event_is_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is insert-only';
END;
$$;

CREATE TRIGGER audit_event_insert_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_insert_only();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_insert_only();
