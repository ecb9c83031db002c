-- Faster registry search at city scale (see docs/performance.md).

-- Counting the rows of a name-prefix search inside a region, from the index alone (no heap visits).
CREATE INDEX elder_name_scope_idx ON elder (name COLLATE "C", community_code);

-- Elders per community and life status, kept by statement-level triggers in the same transaction as every change,
-- so that the total of an unfiltered list (a whole district: a million rows) is a sum over a few dozen rows
-- instead of a count over the registry. It is never edited by hand and always equals count(*) of its group.
CREATE TABLE elder_tally (
    community_code  VARCHAR(12)  NOT NULL COLLATE "C",
    life_status     VARCHAR(10)  NOT NULL,
    elders          BIGINT       NOT NULL,
    PRIMARY KEY (community_code, life_status)
);

INSERT INTO elder_tally (community_code, life_status, elders)
SELECT community_code, life_status, count(*) FROM elder GROUP BY community_code, life_status;

CREATE FUNCTION elder_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO elder_tally AS t (community_code, life_status, elders)
        SELECT community_code, life_status, -count(*) FROM old_rows GROUP BY community_code, life_status
        ON CONFLICT (community_code, life_status) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO elder_tally AS t (community_code, life_status, elders)
        SELECT community_code, life_status, count(*) FROM new_rows GROUP BY community_code, life_status
        ON CONFLICT (community_code, life_status) DO UPDATE SET elders = t.elders + EXCLUDED.elders;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER elder_tally_insert AFTER INSERT ON elder
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION elder_tally_apply();
CREATE TRIGGER elder_tally_update AFTER UPDATE ON elder
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION elder_tally_apply();
CREATE TRIGGER elder_tally_delete AFTER DELETE ON elder
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION elder_tally_apply();
