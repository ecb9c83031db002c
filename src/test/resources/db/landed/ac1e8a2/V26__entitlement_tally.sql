-- Active entitlements by community and policy, for the dashboard: counting 176,000 active entitlements from their
-- partial index took 45 ms of a district dashboard's 150 ms (docs/performance.md). Kept by statement-level triggers
-- in the same transaction as every change, like the elder and payment tallies of V18: never edited by hand, always
-- equal to count(*) of its group (DashboardTest recomputes it from scratch and compares).
CREATE TABLE subsidy_entitlement_tally (
    community_code  VARCHAR(12)  NOT NULL COLLATE "C",
    policy_code     VARCHAR(30)  NOT NULL COLLATE "C",
    entitlements    BIGINT       NOT NULL,
    PRIMARY KEY (community_code, policy_code)
);

INSERT INTO subsidy_entitlement_tally (community_code, policy_code, entitlements)
SELECT community_code, policy_code, count(*) FROM subsidy_entitlement WHERE status = 'ACTIVE' GROUP BY 1, 2;

-- Rows are applied in key order, so that two bulk changes never wait for each other's rows crosswise.
CREATE FUNCTION subsidy_entitlement_tally_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO subsidy_entitlement_tally AS t (community_code, policy_code, entitlements)
        SELECT community_code, policy_code, -count(*) FROM old_rows
        WHERE status = 'ACTIVE' GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (community_code, policy_code) DO UPDATE SET entitlements = t.entitlements + EXCLUDED.entitlements;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO subsidy_entitlement_tally AS t (community_code, policy_code, entitlements)
        SELECT community_code, policy_code, count(*) FROM new_rows
        WHERE status = 'ACTIVE' GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (community_code, policy_code) DO UPDATE SET entitlements = t.entitlements + EXCLUDED.entitlements;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER subsidy_entitlement_tally_insert AFTER INSERT ON subsidy_entitlement
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidy_entitlement_tally_apply();
CREATE TRIGGER subsidy_entitlement_tally_update AFTER UPDATE ON subsidy_entitlement
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidy_entitlement_tally_apply();
CREATE TRIGGER subsidy_entitlement_tally_delete AFTER DELETE ON subsidy_entitlement
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION subsidy_entitlement_tally_apply();


-- 特困 elders in concentrated care: the dashboard joins the day's stays with the 特困 elders of the scope. Without
-- this index PostgreSQL walked the elder table's primary key to meet the stays (77 ms for a district, growing with
-- the table); with it the 1-2 % of elders who are 特困 are read from the index alone (12 ms).
CREATE INDEX elder_extreme_poverty_idx ON elder (id) INCLUDE (community_code, life_status, life_status_date)
    WHERE economic_status = 'EXTREME_POVERTY';
