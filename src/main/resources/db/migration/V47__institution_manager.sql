-- Issue 23: an institution's manager (养老机构负责人) signs in with role INSTITUTION_MANAGER, bound to one institution;
-- their access is scoped by institution_id (like a provider's users by provider_id), their region is the district
-- that supervises the institution.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('ADMIN', 'DISTRICT_STAFF', 'STREET_REVIEWER',
    'COMMUNITY_CLERK', 'MANAGER', 'PROVIDER_MANAGER', 'CARE_WORKER', 'VISITOR', 'INSTITUTION_MANAGER'));
ALTER TABLE app_user ADD COLUMN institution_id BIGINT REFERENCES institution (id);
ALTER TABLE app_user ADD CONSTRAINT app_user_institution_role
    CHECK ((role = 'INSTITUTION_MANAGER') = (institution_id IS NOT NULL));
CREATE INDEX app_user_institution_idx ON app_user (institution_id) WHERE institution_id IS NOT NULL;
