package org.yinling.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleCompiler;
import org.yinling.subsidy.rule.SqlFragment;
import tools.jackson.databind.json.JsonMapper;

/** The enrolment statement and the rows of {@code subsidy_enrolment_run}. */
@Repository
class AutomaticEnrolmentStore {

    /** A run still RUNNING after this long was left behind by a node that stopped. */
    static final String STALE_AFTER = "30 minutes";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AutomaticEnrolmentStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new RUNNING run; a second one of the same policy code while one runs violates a unique index. */
    /** The new run's id; empty when a run of the policy is still going (also one started a moment ago). */
    Optional<Long> start(Policy policy, RegionScope scope, String actor) {
        jdbc.sql("""
                        UPDATE subsidy_enrolment_run SET state = 'FAILED', finished_at = now()
                        WHERE policy_code = ? AND state = 'RUNNING' AND started_at < now() - CAST(? AS INTERVAL)
                        """).params(policy.code(), STALE_AFTER).update();
        return jdbc.sql("""
                        INSERT INTO subsidy_enrolment_run (policy_id, policy_code, scope_prefix, state, started_by)
                        VALUES (?, ?, ?, 'RUNNING', ?)
                        ON CONFLICT DO NOTHING
                        RETURNING id
                        """).params(policy.id(), policy.code(), scope.prefix(), actor).query(Long.class).optional();
    }

    void finish(long runId, Map<String, Long> byStreet, long total, long millis) {
        jdbc.sql("""
                        UPDATE subsidy_enrolment_run SET state = 'DONE', created_count = ?, by_street = CAST(? AS jsonb),
                            millis = ?, finished_at = now()
                        WHERE id = ?
                        """).params(total, json.writeValueAsString(byStreet), millis, runId).update();
    }

    void fail(long runId) {
        jdbc.sql("UPDATE subsidy_enrolment_run SET state = 'FAILED', finished_at = now() WHERE id = ? AND state = 'RUNNING'")
                .param(runId).update();
    }

    Optional<AutomaticEnrolmentRun> find(long runId) {
        return jdbc.sql("SELECT * FROM subsidy_enrolment_run WHERE id = ?").param(runId).query(this::map).optional();
    }

    /** The latest run of any version of the policy code. */
    Optional<AutomaticEnrolmentRun> latest(String policyCode) {
        return jdbc.sql("SELECT * FROM subsidy_enrolment_run WHERE policy_code = ? ORDER BY id DESC LIMIT 1")
                .param(policyCode).query(this::map).optional();
    }

    /**
     * How many applications {@link #enrol} would create now: the same candidates and the same NOT EXISTS tests, counted
     * (for the confirmation before a run; the run itself may create fewer if others enrol the same elders meanwhile).
     */
    long countNew(Policy policy, RegionScope scope, RegionScope userScope, LocalDate today) {
        PolicyRule rule = policy.rule();
        SqlFragment tier = RuleCompiler.tierIndex(rule.tiers(), today);
        SqlFragment eligible = RuleCompiler.eligibility(rule.eligibility(), today);
        List<Object> params = new ArrayList<>(tier.params());
        params.add(scope.likePattern());
        params.add(userScope.likePattern());
        params.addAll(eligible.params());
        params.add(policy.code());
        params.add(policy.code());
        return jdbc.sql("""
                        WITH candidate AS (
                            SELECT e.id AS elder_id, %s AS tier
                            FROM elder e
                            WHERE e.community_code LIKE ? AND e.community_code LIKE ? AND %s
                        )
                        SELECT count(*) FROM candidate c
                        WHERE c.tier IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM subsidy_entitlement s
                                          WHERE s.elder_id = c.elder_id AND s.policy_code = ? AND s.status = 'ACTIVE')
                          AND NOT EXISTS (SELECT 1 FROM subsidy_application a
                                          WHERE a.elder_id = c.elder_id AND a.policy_code = ? AND %s)
                        """.formatted(tier.sql(), eligible.sql(), ApplicationStages.OPEN_CONDITION))
                .params(params).query(Long.class).single();
    }

    /**
     * The enrolment itself, one statement: elders of {@code scope} (and of {@code userScope}) who qualify on
     * {@code today}, without an active entitlement or an open application of the policy's code, get an AUTOMATIC
     * application at the first review of the policy's chain and its SUBMIT decision. Returns the applications
     * created per street.
     */
    Map<String, Long> enrol(Policy policy, RegionScope scope, RegionScope userScope, LocalDate today, String note,
                            String actor) {
        PolicyRule rule = policy.rule();
        SqlFragment tier = RuleCompiler.tierIndex(rule.tiers(), today);
        SqlFragment eligible = RuleCompiler.eligibility(rule.eligibility(), today);
        SqlFragment amount = RuleCompiler.amountOf("c.tier", rule.tiers());
        // an enum name, not user input: the first review of the policy's chain
        ApplicationStage first = policy.chain().firstReview();
        List<Object> params = new ArrayList<>(tier.params());
        params.add(scope.likePattern());
        params.add(userScope.likePattern());
        params.addAll(eligible.params());
        params.add(policy.id());
        params.add(policy.code());
        params.addAll(amount.params());
        params.add(today);
        params.add(actor);
        params.add(actor);
        params.add(policy.code());
        params.add(policy.code());
        params.add(note);
        params.add(actor);
        Map<String, Long> byStreet = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH candidate AS (
                            SELECT e.id AS elder_id, e.community_code, %s AS tier
                            FROM elder e
                            WHERE e.community_code LIKE ? AND e.community_code LIKE ? AND %s
                        ), created AS (
                            INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage,
                                source, tier_index, amount, received_on, created_by, updated_by, payee_bank, payee_account)
                            SELECT c.elder_id, ?, ?, c.community_code, '%s', 'AUTOMATIC', c.tier, %s, ?, ?, ?,
                                   k.payee_bank, k.payee_account
                            FROM candidate c
                            -- the account the elder already has (their latest application with one): reused, so that
                            -- an enrolled elder's subsidy can be approved without asking for it again
                            LEFT JOIN LATERAL (SELECT a.payee_bank, a.payee_account FROM subsidy_application a
                                               WHERE a.elder_id = c.elder_id AND a.payee_bank IS NOT NULL
                                                 AND a.payee_account IS NOT NULL
                                               ORDER BY a.created_at DESC LIMIT 1) k ON TRUE
                            WHERE c.tier IS NOT NULL
                              AND NOT EXISTS (SELECT 1 FROM subsidy_entitlement s
                                              WHERE s.elder_id = c.elder_id AND s.policy_code = ? AND s.status = 'ACTIVE')
                              AND NOT EXISTS (SELECT 1 FROM subsidy_application a
                                              WHERE a.elder_id = c.elder_id AND a.policy_code = ? AND %s)
                            ON CONFLICT (elder_id, policy_code) WHERE %s DO NOTHING
                            RETURNING id, community_code
                        ), decided AS (
                            INSERT INTO subsidy_decision (application_id, action, stage_from, stage_to, note, decided_by)
                            SELECT id, 'SUBMIT', NULL, '%s', ?, ? FROM created
                        )
                        SELECT substr(community_code, 1, 9) || '000' AS street, count(*) FROM created
                        GROUP BY 1 ORDER BY 1
                        """.formatted(tier.sql(), eligible.sql(), first.name(), amount.sql(),
                                ApplicationStages.OPEN_CONDITION, ApplicationStages.OPEN_CONDITION, first.name()))
                .params(params)
                .query(rs -> {
                    byStreet.put(rs.getString(1), rs.getLong(2));
                });
        return byStreet;
    }

    private AutomaticEnrolmentRun map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Map<String, Long> byStreet = new LinkedHashMap<>();
        if (rs.getString("by_street") != null) {
            jdbc.sql("""
                            SELECT key, value::bigint FROM subsidy_enrolment_run, jsonb_each_text(by_street)
                            WHERE id = ? ORDER BY key
                            """).param(id)
                    .query(street -> {
                        byStreet.put(street.getString(1), street.getLong(2));
                    });
        }
        return new AutomaticEnrolmentRun(id, rs.getLong("policy_id"), rs.getString("policy_code"),
                rs.getString("state"), (Integer) rs.getObject("created_count"), byStreet,
                (Long) rs.getObject("millis"), rs.getString("started_by"), instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
