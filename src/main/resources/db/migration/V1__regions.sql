-- Region tree: district (区/县) -> street/township (街道/乡镇) -> community/village (社区/村).
-- Codes are 12-digit statistical codes: 6-digit GB/T 2260 county + 3-digit township + 3-digit community,
-- so a region's subtree is every code that starts with its significant prefix (6, 9 or 12 digits).
CREATE TABLE region (
    code                   VARCHAR(12)     PRIMARY KEY CHECK (code ~ '^[0-9]{12}$'),
    parent_code            VARCHAR(12)     REFERENCES region (code),
    level                  VARCHAR(16)  NOT NULL CHECK (level IN ('DISTRICT', 'STREET', 'COMMUNITY')),
    name                   VARCHAR(100) NOT NULL,
    urban_rural_class      VARCHAR(3)      CHECK (urban_rural_class IN ('111', '112', '121', '122', '123', '210', '220')),
    registered_population  INTEGER      CHECK (registered_population >= 0),
    demo                   BOOLEAN      NOT NULL DEFAULT FALSE,
    version                BIGINT       NOT NULL DEFAULT 0,
    CHECK ((level = 'DISTRICT') = (parent_code IS NULL)),
    CHECK (level <> 'COMMUNITY' OR (urban_rural_class IS NOT NULL AND registered_population IS NOT NULL))
);

CREATE INDEX region_parent_idx ON region (parent_code);
CREATE UNIQUE INDEX region_parent_name_uq ON region (COALESCE(parent_code, ''), name);
