-- The dashboard counts the boundary month of each age threshold from the elder table: with the region and the
-- fields it counts in the index, that is an index-only range per threshold instead of heap visits across the table.
CREATE INDEX elder_birth_scope_idx ON elder (birth_date, community_code) INCLUDE (sex, life_status);
