-- 月探访率 on the dashboard and in the monthly report (issue 19, item 7). See docs/visits.md and docs/performance.md.

-- The month's visit rate by community and tier: rostered elders (visit_month rows with on_roster) and those of them
-- with at least one counted visit. Aggregating a city's month of visit_month rows (a few hundred thousand) on every
-- dashboard request would cost more than the 50 ms the rate may add; so, like the tallies of V18, V26 and V34, it is
-- kept by statement-level triggers in the same transaction as every change of visit_month: never edited by hand,
-- always equal to the aggregate of its group (VisitRateTest counts both from scratch and compares).
CREATE TABLE visit_rate_tally (
    month           DATE           NOT NULL,
    community_code  VARCHAR(12)    NOT NULL COLLATE "C",
    tier            VARCHAR(6)     NOT NULL,
    rostered        BIGINT         NOT NULL,
    visited         BIGINT         NOT NULL,
    PRIMARY KEY (month, community_code, tier)
);

-- The rows as they were (old_rows) subtracted, the rows as they are now (new_rows) added; in key order, so that two
-- bulk changes never wait for each other's rows crosswise.
CREATE FUNCTION visit_rate_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    apply CONSTANT TEXT := $q$
        INSERT INTO visit_rate_tally AS t (month, community_code, tier, rostered, visited)
        SELECT m.month, m.community_code, m.tier, %2$s * count(*) FILTER (WHERE m.on_roster),
               %2$s * count(*) FILTER (WHERE m.on_roster AND m.counted_visits > 0)
        FROM %1$s m
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (month, community_code, tier) DO UPDATE
            SET rostered = t.rostered + EXCLUDED.rostered, visited = t.visited + EXCLUDED.visited
        $q$;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE format(apply, 'old_rows', -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        EXECUTE format(apply, 'new_rows', 1);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER visit_rate_tally_insert AFTER INSERT ON visit_month
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_rate_tally_apply();
CREATE TRIGGER visit_rate_tally_update AFTER UPDATE ON visit_month
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_rate_tally_apply();
CREATE TRIGGER visit_rate_tally_delete AFTER DELETE ON visit_month
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_rate_tally_apply();

INSERT INTO visit_rate_tally (month, community_code, tier, rostered, visited)
SELECT month, community_code, tier, count(*) FILTER (WHERE on_roster),
       count(*) FILTER (WHERE on_roster AND counted_visits > 0)
FROM visit_month GROUP BY 1, 2, 3;

-- Elders on the roster not visited in three months, per community, for the dashboard: open roster rows whose last
-- counted visit is older than the first day of the month two months back (or who have none), read per community
-- as two short ranges of this index (no visit at all; a last visit before that day).
CREATE INDEX visit_roster_last_visit_idx ON visit_roster (community_code, last_visit_at) INCLUDE (rostered_on)
    WHERE left_on IS NULL;

-- The visit rate's target is 100 % (national guidance since 2021: every elder on the roster visited every month); a
-- region may set its own, and targets for the rates of each tier, on the targets page.
INSERT INTO indicator_target (indicator, region_code, target, effective_from, source, created_by) VALUES
    ('VISIT_RATE', NULL, 1.00, DATE '2021-01-01', '特殊困难老年人探访关爱：月探访率 100%', 'system');
