package org.yinling.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.audit.AuditLog;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;

/**
 * Publicity (公示): the notice of the applications the district approved, and its conclusion. When the publicity
 * period has ended (publicity_ends before today) without an objection, each application becomes APPROVED with an
 * entitlement from the month after the district's approval: one set-based statement, safe to run twice and on
 * several nodes at once (rows are locked with SKIP LOCKED; the unique indexes refuse a second entitlement).
 */
@Service
class PublicityService {

    static final int NOTICE_LIMIT = 5_000;
    private static final Logger log = LoggerFactory.getLogger(PublicityService.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    PublicityService(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Applications in publicity inside the scope (and street, policy when given), by community and name. */
    @Transactional(readOnly = true)
    List<PublicityRow> inPublicity(RegionScope userScope, String street, String policy) {
        Optional<RegionScope> scope = userScope.narrowedTo(street, null);
        if (scope.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(scope.get().sqlValue());
        String where = "";
        if (policy != null && !policy.isBlank()) {
            where += " AND a.policy_code = ?";
            params.add(policy.strip());
        }
        params.add(NOTICE_LIMIT);
        return jdbc.sql("""
                        SELECT a.id, e.name, e.resident_id, a.community_code, a.policy_code, p.name AS policy_name,
                               a.amount, a.approved_on, a.publicity_ends
                        FROM subsidy_application a JOIN elder e ON e.id = a.elder_id
                        JOIN subsidy_policy p ON p.id = a.policy_id
                        WHERE a.stage = 'PUBLICITY'""" + " AND " + scope.get().condition("a.community_code") + where
                        + """
                         ORDER BY a.community_code, a.policy_code, e.name COLLATE "C", a.id LIMIT ?
                        """)
                .params(params)
                .query((rs, row) -> new PublicityRow(rs.getLong("id"), rs.getString("name"),
                        ResidentId.mask(rs.getString("resident_id")), rs.getString("community_code"),
                        rs.getString("policy_code"), rs.getString("policy_name"), rs.getBigDecimal("amount"),
                        rs.getObject("approved_on", LocalDate.class), rs.getObject("publicity_ends", LocalDate.class)))
                .list();
    }

    /** The policy codes of applications in publicity inside the scope, for the filter. */
    @Transactional(readOnly = true)
    /** The policies in publicity, code to name: the filter shows names (issue 20 §2). */
    java.util.Map<String, String> policyCodes(RegionScope scope) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                        SELECT a.policy_code, min(p.name) FROM subsidy_application a
                        JOIN subsidy_policy p ON p.id = a.policy_id
                        WHERE a.stage = 'PUBLICITY' AND a.community_code LIKE ?
                        GROUP BY a.policy_code ORDER BY min(p.name)
                        """)
                .param(scope.likePattern())
                .query((rs, row) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    /** Records that the user viewed (or printed) the notice: names with masked IDs. */
    @Transactional
    void noticeViewed(String street, String policy, int lines) {
        audit.record("PUBLICITY_NOTICE_VIEWED", ApplicationService.ENTITY, null,
                ApplicationService.details("street", street, "policy", policy, "lines", lines));
    }

    /** Concludes every due publicity inside the scope; returns how many applications became APPROVED. */
    @Transactional
    int conclude(RegionScope scope, String actor) {
        LocalDate today = LocalDate.now(clock);
        List<Long> concluded = jdbc.sql("""
                        WITH due AS (
                            SELECT a.id FROM subsidy_application a
                            WHERE a.stage = 'PUBLICITY' AND a.publicity_ends < ? AND a.community_code LIKE ?
                              AND a.tier_index IS NOT NULL AND a.amount IS NOT NULL AND a.approved_on IS NOT NULL
                            FOR UPDATE SKIP LOCKED
                        ), granted AS (
                            INSERT INTO subsidy_entitlement (elder_id, policy_id, policy_code, application_id,
                                community_code, tier_index, amount, frequency, start_month, status, payee_bank,
                                payee_account, updated_by)
                            SELECT a.elder_id, a.policy_id, a.policy_code, a.id, a.community_code, a.tier_index, a.amount,
                                   p.frequency, CAST(date_trunc('month', a.approved_on) + INTERVAL '1 month' AS date),
                                   'ACTIVE', a.payee_bank, a.payee_account, ?
                            FROM subsidy_application a JOIN subsidy_policy p ON p.id = a.policy_id
                            WHERE a.id IN (SELECT id FROM due)
                            ON CONFLICT DO NOTHING
                            RETURNING application_id
                        ), approved AS (
                            UPDATE subsidy_application a SET stage = 'APPROVED', closed_at = now(), updated_at = now(),
                                updated_by = ?, lock_version = a.lock_version + 1
                            WHERE a.id IN (SELECT application_id FROM granted)
                            RETURNING a.id
                        )
                        INSERT INTO subsidy_decision (application_id, action, stage_from, stage_to, decided_by)
                        SELECT id, 'CONCLUDE', 'PUBLICITY', 'APPROVED', ? FROM approved
                        RETURNING application_id
                        """)
                .params(today, scope.likePattern(), actor, actor, actor)
                .query(Long.class).list();
        if (!concluded.isEmpty()) {
            audit.recordAs(actor, "APPLICATIONS_PUBLICITY_CONCLUDED", ApplicationService.ENTITY, null,
                    ApplicationService.details("count", concluded.size(), "scope", scope.prefix(),
                            "applicationIds", concluded.size() <= 1_000 ? concluded : concluded.subList(0, 1_000)));
        }
        return concluded.size();
    }

    /** Hourly by default: whatever publicity ended yesterday or earlier becomes an entitlement. */
    @Scheduled(cron = "${yinling.subsidy.publicity-cron:0 7 * * * *}")
    @Transactional
    void concludeDuePublicity() {
        int count = conclude(RegionScope.everything(), AuditLog.SYSTEM);
        if (count > 0) {
            log.info("Publicity concluded: {} application(s) approved with an entitlement", count);
        }
    }
}
