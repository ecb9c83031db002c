-- Subsidy applications (issue 5): indexes for the elder page's subsidy card and the publicity conclusion.

-- an elder's entitlements, whatever their status (the active ones are also served by subsidy_entitlement_active_uq)
CREATE INDEX subsidy_entitlement_elder_idx ON subsidy_entitlement (elder_id, start_month DESC);

-- publicity that has ended: the hourly conclusion reads only these rows
CREATE INDEX subsidy_application_publicity_idx ON subsidy_application (publicity_ends, community_code)
    WHERE stage = 'PUBLICITY';
