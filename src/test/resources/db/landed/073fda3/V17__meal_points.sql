-- Community meal points (助餐点 / 老年食堂), the meals served there, and the per-meal subsidy rates (issue 8).

CREATE TABLE meal_point (
    id                BIGSERIAL     PRIMARY KEY,
    name              VARCHAR(100)  NOT NULL,
    kind              VARCHAR(16)   NOT NULL CHECK (kind IN ('CANTEEN', 'MEAL_POINT', 'CENTRAL_KITCHEN')),
    operator          VARCHAR(100),
    community_code    VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    address           VARCHAR(200),
    seats             INTEGER       CHECK (seats >= 0),
    serves_lunch      BOOLEAN       NOT NULL DEFAULT TRUE,
    serves_dinner     BOOLEAN       NOT NULL DEFAULT FALSE,
    licence_number    VARCHAR(60),
    licence_expires   DATE,
    opened_on         DATE,
    status            VARCHAR(12)   NOT NULL DEFAULT 'OPERATING' CHECK (status IN ('OPERATING', 'SUSPENDED', 'CLOSED')),
    demo              BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    created_by        VARCHAR(50)   NOT NULL,
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_by        VARCHAR(50)   NOT NULL,
    version           BIGINT        NOT NULL DEFAULT 0,
    CHECK (serves_lunch OR serves_dinner),
    CHECK ((licence_number IS NULL) = (licence_expires IS NULL))
);
CREATE INDEX meal_point_community_idx ON meal_point (community_code, id);

-- the communities a point serves besides its own
CREATE TABLE meal_point_community (
    meal_point_id     BIGINT        NOT NULL REFERENCES meal_point (id),
    community_code    VARCHAR(12)   NOT NULL COLLATE "C" REFERENCES region (code),
    PRIMARY KEY (meal_point_id, community_code)
);
CREATE INDEX meal_point_community_code_idx ON meal_point_community (community_code);

-- One row per elder, day and meal: the category is the elder's on that day, so later changes never rewrite history.
CREATE TABLE meal (
    id                BIGSERIAL     PRIMARY KEY,
    elder_id          BIGINT        NOT NULL REFERENCES elder (id),
    meal_point_id     BIGINT        NOT NULL REFERENCES meal_point (id),
    served_on         DATE          NOT NULL,
    meal              VARCHAR(8)    NOT NULL CHECK (meal IN ('LUNCH', 'DINNER')),
    mode              VARCHAR(10)   NOT NULL CHECK (mode IN ('EAT_IN', 'DELIVERED')),
    category          VARCHAR(8)    NOT NULL CHECK (category IN ('POVERTY', 'AGE_80', 'AGE_60')),
    recorded_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    recorded_by       VARCHAR(50)   NOT NULL,
    UNIQUE (elder_id, served_on, meal)
);
CREATE INDEX meal_point_day_idx ON meal (meal_point_id, served_on, id);

-- Per-meal subsidy by category (seed 001/002: 特困/低保 the most, 80+ more than 60–79) and the operating subsidy per
-- meal of a licensed point; configurable by the administrator.
CREATE TABLE meal_subsidy_rate (
    category     VARCHAR(10)    PRIMARY KEY CHECK (category IN ('POVERTY', 'AGE_80', 'AGE_60', 'OPERATING')),
    amount       NUMERIC(8, 2)  NOT NULL CHECK (amount >= 0),
    updated_at   TIMESTAMPTZ    NOT NULL DEFAULT now(),
    updated_by   VARCHAR(50)    NOT NULL
);
INSERT INTO meal_subsidy_rate (category, amount, updated_by) VALUES
    ('POVERTY', 8, 'default'), ('AGE_80', 5, 'default'), ('AGE_60', 3, 'default'), ('OPERATING', 1, 'default');
