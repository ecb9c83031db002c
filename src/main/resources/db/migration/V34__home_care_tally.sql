-- The month's home care by community and provider, for the dashboard and the monthly report: aggregating the
-- month's 400,000 orders of a city on every request took the dashboard to a p95 of 0.99 s (docs/performance.md).
-- Kept by statement-level triggers in the same transaction as every order change, like the tallies of V18 and V26:
-- never edited by hand, always equal to the aggregate of its group (HomeCareIndicatorsTest recomputes both from
-- scratch and compares). provider_id 0 stands for "no provider yet" (a key column cannot be NULL).
CREATE TABLE home_care_order_tally (
    month           DATE           NOT NULL,
    community_code  VARCHAR(12)    NOT NULL COLLATE "C",
    provider_id     BIGINT         NOT NULL,
    -- confirmed visits (CONFIRMED or CALLED_BACK), their seconds from check-in to check-out, and how many of them
    -- were checked in within the missed-after minutes in force for the community on the day of the visit
    visits          BIGINT         NOT NULL,
    seconds         NUMERIC        NOT NULL,
    on_time         BIGINT         NOT NULL,
    -- the budget used: amounts of orders neither cancelled nor missed
    amount          NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (month, community_code, provider_id)
);

-- Elders with at least one confirmed visit in the month, by community: "elders served" counts rows here.
CREATE TABLE home_care_elder_month (
    month           DATE         NOT NULL,
    community_code  VARCHAR(12)  NOT NULL COLLATE "C",
    elder_id        BIGINT       NOT NULL,
    visits          BIGINT       NOT NULL,
    PRIMARY KEY (month, community_code, elder_id)
);

-- Each statement's rows apply their contribution: the rows as they were (old_rows) subtracted, the rows as they are
-- now (new_rows) added; one template for both, filled in with format(). Rows go in key order, so that two bulk
-- changes never wait for each other's rows crosswise.
CREATE FUNCTION home_care_order_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    apply CONSTANT TEXT := $q$
        WITH r AS (
            SELECT o.month, o.community_code, coalesce(o.provider_id, 0) AS provider_id,
                   o.state IN ('CONFIRMED', 'CALLED_BACK') AS confirmed, o.state NOT IN ('CANCELLED', 'MISSED') AS used,
                   o.amount, o.check_in_at, o.check_out_at, o.scheduled_at, o.elder_id
            FROM %1$s o),
        minutes AS (
            SELECT d.community_code, d.day,
                   (home_care_setting_on(d.community_code, d.day)).missed_after_minutes AS minutes
            FROM (SELECT DISTINCT community_code, CAST(scheduled_at AT TIME ZONE 'Asia/Shanghai' AS date) AS day
                  FROM r WHERE confirmed) d),
        tally AS (
            INSERT INTO home_care_order_tally AS t (month, community_code, provider_id, visits, seconds, on_time, amount)
            SELECT r.month, r.community_code, r.provider_id,
                   %2$s * count(*) FILTER (WHERE r.confirmed),
                   %2$s * coalesce(sum(extract(epoch FROM r.check_out_at - r.check_in_at)) FILTER (WHERE r.confirmed), 0),
                   %2$s * count(*) FILTER (WHERE r.confirmed
                                             AND r.check_in_at <= r.scheduled_at + make_interval(mins => m.minutes)),
                   %2$s * coalesce(sum(r.amount) FILTER (WHERE r.used), 0)
            FROM r LEFT JOIN minutes m ON r.confirmed AND m.community_code = r.community_code
                                       AND m.day = CAST(r.scheduled_at AT TIME ZONE 'Asia/Shanghai' AS date)
            GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
            ON CONFLICT (month, community_code, provider_id) DO UPDATE
                SET visits = t.visits + EXCLUDED.visits, seconds = t.seconds + EXCLUDED.seconds,
                    on_time = t.on_time + EXCLUDED.on_time, amount = t.amount + EXCLUDED.amount)
        INSERT INTO home_care_elder_month AS e (month, community_code, elder_id, visits)
        SELECT month, community_code, elder_id, %2$s * count(*) FROM r WHERE confirmed
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (month, community_code, elder_id) DO UPDATE SET visits = e.visits + EXCLUDED.visits
        $q$;
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE format(apply, 'old_rows', -1);
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        EXECUTE format(apply, 'new_rows', 1);
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- an elder whose last confirmed visit of the month went is no longer served that month
        DELETE FROM home_care_elder_month e USING old_rows o
        WHERE e.month = o.month AND e.community_code = o.community_code AND e.elder_id = o.elder_id AND e.visits = 0;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER home_care_order_tally_insert AFTER INSERT ON home_care_order
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION home_care_order_tally_apply();
CREATE TRIGGER home_care_order_tally_update AFTER UPDATE ON home_care_order
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION home_care_order_tally_apply();
CREATE TRIGGER home_care_order_tally_delete AFTER DELETE ON home_care_order
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION home_care_order_tally_apply();

-- The orders already there (demo data, or a district that ran home care before this migration).
INSERT INTO home_care_order_tally (month, community_code, provider_id, visits, seconds, on_time, amount)
SELECT o.month, o.community_code, coalesce(o.provider_id, 0),
       count(*) FILTER (WHERE o.state IN ('CONFIRMED', 'CALLED_BACK')),
       coalesce(sum(extract(epoch FROM o.check_out_at - o.check_in_at)) FILTER (WHERE o.state IN ('CONFIRMED', 'CALLED_BACK')), 0),
       count(*) FILTER (WHERE o.state IN ('CONFIRMED', 'CALLED_BACK') AND o.check_in_at <= o.scheduled_at + make_interval(mins =>
           (home_care_setting_on(o.community_code, CAST(o.scheduled_at AT TIME ZONE 'Asia/Shanghai' AS date))).missed_after_minutes)),
       coalesce(sum(o.amount) FILTER (WHERE o.state NOT IN ('CANCELLED', 'MISSED')), 0)
FROM home_care_order o GROUP BY 1, 2, 3;

INSERT INTO home_care_elder_month (month, community_code, elder_id, visits)
SELECT month, community_code, elder_id, count(*) FROM home_care_order
WHERE state IN ('CONFIRMED', 'CALLED_BACK') GROUP BY 1, 2, 3;

-- The month's orders of a region were read through this index by the dashboard and the report, which now read the
-- tallies; the order lists go by community (home_care_order_community_idx). One index fewer to write for each of the
-- 400,000 orders a city generates on the 1st.
DROP INDEX home_care_order_month_idx;

-- A draw's sample is ordered by an integer hash of order id and seed (hashing text with md5 and sorting a city's
-- month of orders at once took 3–4 s for all providers); the draws made before keep their md5 order, so that their
-- re-check from the seed still gives the same orders.
ALTER TABLE home_care_callback_draw
    ADD COLUMN sample_order VARCHAR(8) NOT NULL DEFAULT 'MD5' CHECK (sample_order IN ('MD5', 'INT8HASH'));
ALTER TABLE home_care_callback_draw ALTER COLUMN sample_order SET DEFAULT 'INT8HASH';
