-- The elder import stages the registry fields V29 added (disability category and level, 留守, 独生子女伤残, 优抚对象,
-- serious illness) and the community as the file named it (by name, with or without its street), which the checks
-- resolve to a code set-based inside the importer's region.
ALTER TABLE elder_import_row
    ADD COLUMN community_name          VARCHAR(200),
    ADD COLUMN disability_category     VARCHAR(12),
    ADD COLUMN disability_level        SMALLINT,
    ADD COLUMN left_behind             BOOLEAN,
    ADD COLUMN only_child_disabled     BOOLEAN,
    ADD COLUMN special_care_recipient  BOOLEAN,
    ADD COLUMN serious_illness         BOOLEAN;
