CREATE TABLE app_user (
    id              BIGSERIAL    PRIMARY KEY,
    username        VARCHAR(50)  NOT NULL,
    display_name    VARCHAR(100) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    role            VARCHAR(32)  NOT NULL CHECK (role IN ('ADMIN', 'DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK', 'MANAGER')),
    region_code     VARCHAR(12)     NOT NULL REFERENCES region (code),
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins   INTEGER      NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    demo            BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0
);

-- Usernames are case-insensitive at login.
CREATE UNIQUE INDEX app_user_username_uq ON app_user (lower(username));
CREATE INDEX app_user_region_idx ON app_user (region_code);
