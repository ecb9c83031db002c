-- The review chain per policy (issue 21 §2). A policy chooses its stages after community acceptance (社区受理,
-- always first): street review (街道初审), district approval (区审批) and publicity (公示), each optional, at least one
-- of the two reviews deciding; and its publicity length (NULL: the global yinling.subsidy.publicity-days, 7 days).
-- Every existing policy keeps today's full chain: the defaults below are TRUE and NULL (a metadata-only change).
ALTER TABLE subsidy_policy
    ADD COLUMN street_review   BOOLEAN  NOT NULL DEFAULT TRUE,
    ADD COLUMN district_review BOOLEAN  NOT NULL DEFAULT TRUE,
    ADD COLUMN publicity       BOOLEAN  NOT NULL DEFAULT TRUE,
    ADD COLUMN publicity_days  SMALLINT CHECK (publicity_days BETWEEN 1 AND 60),
    ADD CONSTRAINT subsidy_policy_chain_decides CHECK (street_review OR district_review),
    ADD CONSTRAINT subsidy_policy_publicity_days CHECK (publicity OR publicity_days IS NULL);
