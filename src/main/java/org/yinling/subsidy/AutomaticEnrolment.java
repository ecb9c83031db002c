package org.yinling.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleCompiler;
import org.yinling.subsidy.rule.SqlFragment;

/**
 * 免申即享: for a published policy marked automatic, every elder of the policy's region (inside the user's scope)
 * who qualifies today and has neither an active entitlement of the policy nor an open application for it gets a
 * pending application at the street review stage, with its SUBMIT decision, in one set-based statement. A second
 * run finds nobody new: the NOT EXISTS tests and the unique index of open applications both see to that.
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'DISTRICT_STAFF')")
class AutomaticEnrolment {

    static final String OPEN_STAGES = "('RETURNED', 'STREET_REVIEW', 'DISTRICT_REVIEW', 'PUBLICITY')";

    private final JdbcClient jdbc;
    private final PolicyAdministration policies;
    private final AuditLog audit;
    private final Clock clock;

    AutomaticEnrolment(JdbcClient jdbc, PolicyAdministration policies, AuditLog audit, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.audit = audit;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** Why a run is refused, as a message key; empty when the policy may be run by this user today. */
    Optional<String> refusal(Policy policy, CurrentUser user) {
        if (!policy.automatic()) {
            return Optional.of("policy.enrol.notAutomatic");
        }
        if (!policy.inForceOn(LocalDate.now(clock))) {
            return Optional.of("policy.enrol.notInForce");
        }
        if (!policies.mayChange(policy, user)) {
            return Optional.of("policy.enrol.outOfScope");
        }
        return Optional.empty();
    }

    /** Runs the enrolment of the policy version {@code id}; the report, or the message key of a refusal. */
    @Transactional
    Result run(long id, CurrentUser user, String note) {
        long started = System.nanoTime();
        Policy policy = policies.load(id, user);
        Optional<String> refusal = refusal(policy, user);
        if (refusal.isPresent()) {
            return new Result(null, refusal.get());
        }
        LocalDate today = LocalDate.now(clock);
        RegionScope scope = policies.effectiveScope(policy, user);
        PolicyRule rule = policy.rule();
        SqlFragment tier = RuleCompiler.tierIndex(rule.tiers(), today);
        SqlFragment eligible = RuleCompiler.eligibility(rule.eligibility(), today);
        SqlFragment amount = RuleCompiler.amountOf("c.tier", rule.tiers());
        List<Object> params = new ArrayList<>(tier.params());
        params.add(scope.likePattern());
        params.add(user.scope().likePattern());
        params.addAll(eligible.params());
        params.add(policy.id());
        params.add(policy.code());
        params.addAll(amount.params());
        params.add(today);
        params.add(user.getUsername());
        params.add(user.getUsername());
        params.add(policy.code());
        params.add(policy.code());
        params.add(note);
        params.add(user.getUsername());
        Map<String, Long> byStreet = new LinkedHashMap<>();
        jdbc.sql("""
                        WITH candidate AS (
                            SELECT e.id AS elder_id, e.community_code, %s AS tier
                            FROM elder e
                            WHERE e.community_code LIKE ? AND e.community_code LIKE ? AND %s
                        ), created AS (
                            INSERT INTO subsidy_application (elder_id, policy_id, policy_code, community_code, stage,
                                source, tier_index, amount, received_on, created_by, updated_by)
                            SELECT c.elder_id, ?, ?, c.community_code, 'STREET_REVIEW', 'AUTOMATIC', c.tier, %s, ?, ?, ?
                            FROM candidate c
                            WHERE c.tier IS NOT NULL
                              AND NOT EXISTS (SELECT 1 FROM subsidy_entitlement s
                                              WHERE s.elder_id = c.elder_id AND s.policy_code = ? AND s.status = 'ACTIVE')
                              AND NOT EXISTS (SELECT 1 FROM subsidy_application a
                                              WHERE a.elder_id = c.elder_id AND a.policy_code = ? AND a.stage IN %s)
                            ON CONFLICT (elder_id, policy_code) WHERE stage IN %s DO NOTHING
                            RETURNING id, community_code
                        ), decided AS (
                            INSERT INTO subsidy_decision (application_id, action, stage_from, stage_to, note, decided_by)
                            SELECT id, 'SUBMIT', NULL, 'STREET_REVIEW', ?, ? FROM created
                        )
                        SELECT substr(community_code, 1, 9) || '000' AS street, count(*) FROM created
                        GROUP BY 1 ORDER BY 1
                        """.formatted(tier.sql(), eligible.sql(), amount.sql(), OPEN_STAGES, OPEN_STAGES))
                .params(params)
                .query(rs -> {
                    byStreet.put(rs.getString(1), rs.getLong(2));
                });
        long total = byStreet.values().stream().mapToLong(Long::longValue).sum();
        long millis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", policy.code());
        details.put("version", policy.version());
        details.put("created", total);
        details.put("byStreet", byStreet);
        details.put("millis", millis);
        audit.record("POLICY_ENROLMENT_RUN", PolicyAdministration.ENTITY, policy.id(), details);
        return new Result(new Report(policy.id(), byStreet, total, millis), null);
    }

    /** A run's report, or the message key of why it was refused. */
    record Result(Report report, String refusal) {
    }

    /** Applications created per street (12-digit street code), in total, and how long the run took. */
    public record Report(long policyId, Map<String, Long> byStreet, long total, long millis)
            implements java.io.Serializable {
    }
}
