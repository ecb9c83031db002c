-- Issue 22: API clients (agency systems) and the key that signs their access tokens.
-- A client's secret is stored only as a BCrypt hash; after a rotation the previous hash keeps working until
-- previous_secret_until (the overlap), then never again. A revoked client (revoked_at set) gets no token and every
-- token it holds is refused at the next call (the resource server looks the client up by its id on each request).
CREATE TABLE api_client (
    id                      BIGSERIAL     PRIMARY KEY,
    name                    VARCHAR(100)  NOT NULL,
    region_code             VARCHAR(12)   NOT NULL REFERENCES region (code),
    scopes                  VARCHAR(40)[] NOT NULL CHECK (cardinality(scopes) > 0),
    rate_limit_per_minute   INTEGER       NOT NULL CHECK (rate_limit_per_minute BETWEEN 1 AND 1000000),
    secret_hash             VARCHAR(100)  NOT NULL,
    previous_secret_hash    VARCHAR(100),
    previous_secret_until   TIMESTAMPTZ,
    secret_rotated_at       TIMESTAMPTZ,
    created_at              TIMESTAMPTZ   NOT NULL,
    created_by              VARCHAR(50)   NOT NULL,
    revoked_at              TIMESTAMPTZ,
    revoked_by              VARCHAR(50),
    demo                    BOOLEAN       NOT NULL DEFAULT FALSE,
    CONSTRAINT api_client_previous_secret CHECK ((previous_secret_hash IS NULL) = (previous_secret_until IS NULL)),
    CONSTRAINT api_client_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
CREATE UNIQUE INDEX api_client_name_idx ON api_client (lower(name));

-- The HMAC key (HS256) every node signs and checks tokens with: one row, made at first start by whichever node
-- comes first (INSERT ... ON CONFLICT DO NOTHING), read by all.
CREATE TABLE api_signing_key (
    id          SMALLINT     PRIMARY KEY CHECK (id = 1),
    secret      BYTEA        NOT NULL CHECK (length(secret) >= 32),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
