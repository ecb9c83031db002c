package org.yinling.homecare;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.subsidy.SubsidyPolicies;

/**
 * Rows of {@code home_care_budget}: a month's budgets opened set-based from the service-budget entitlements that cover
 * it (subsidy's {@link SubsidyPolicies#serviceBudgetEntitlements()}), an elder's budget of a month with what is used
 * of it, and the end of an elder's budgets (a death, a move-out).
 */
@Repository
class BudgetStore {

    /** The order states whose value counts as used: every state but cancelled and missed. */
    static final String COUNTED = "state NOT IN ('CANCELLED', 'MISSED')";

    private final JdbcClient jdbc;
    private final SubsidyPolicies policies;

    BudgetStore(JdbcClient jdbc, SubsidyPolicies policies) {
        this.jdbc = jdbc;
        this.policies = policies;
    }

    /**
     * Opens the month's budgets of the elders under {@code regionPattern} in one statement: one per service-budget
     * entitlement covering the month, for elders alive and not moved out; the amount the entitlement's, the share the
     * policy's, and when the policy carries over, last month's unused part. A budget already open is left as it is.
     * The number opened.
     */
    int open(LocalDate month, String regionPattern) {
        return jdbc.sql("""
                        INSERT INTO home_care_budget (elder_id, month, entitlement_id, community_code, amount, carried_over,
                                                      government_share)
                        SELECT s.elder_id, CAST(:budgetMonth AS date), s.entitlement_id, e.community_code, s.amount,
                               CASE WHEN s.carry_over THEN COALESCE((
                                   SELECT GREATEST(0, sum(pb.amount + pb.carried_over) - COALESCE((
                                       SELECT sum(o.amount) FROM home_care_order o
                                       WHERE o.elder_id = s.elder_id AND o.month = CAST(:previousMonth AS date)
                                         AND o.%s), 0))
                                   FROM home_care_budget pb
                                   WHERE pb.elder_id = s.elder_id AND pb.entitlement_id = s.entitlement_id
                                     AND pb.month = CAST(:previousMonth AS date) AND pb.ended_on IS NULL), 0)
                               ELSE 0 END,
                               s.government_share
                        FROM (%s) s
                        JOIN elder e ON e.id = s.elder_id
                        WHERE e.life_status = 'ACTIVE' AND e.community_code LIKE :regionPattern
                        ORDER BY s.elder_id
                        ON CONFLICT DO NOTHING
                        """.formatted(COUNTED, policies.serviceBudgetEntitlements()))
                .param("budgetMonth", month).param("previousMonth", month.minusMonths(1))
                .param("regionPattern", regionPattern)
                .update();
    }

    /**
     * The elder's budget of the month with what is used of it (several rows of one elder add up; the first is the
     * one orders refer to), or empty when the elder has none.
     */
    Optional<ServiceBudget> of(long elderId, LocalDate month) {
        return jdbc.sql("""
                        SELECT min(b.id) AS id, sum(b.amount) AS amount, sum(b.carried_over) AS carried_over,
                               max(b.government_share) AS government_share, min(b.ended_on) AS ended_on,
                               (SELECT COALESCE(sum(o.amount), 0) FROM home_care_order o
                                WHERE o.elder_id = :elder AND o.month = :month AND o.%s) AS used
                        FROM home_care_budget b
                        WHERE b.elder_id = :elder AND b.month = :month
                        HAVING count(*) > 0
                        """.formatted(COUNTED))
                .param("elder", elderId).param("month", month)
                .query((rs, n) -> new ServiceBudget(rs.getLong("id"), elderId, month, rs.getBigDecimal("amount"),
                        rs.getBigDecimal("carried_over"), rs.getBigDecimal("government_share"),
                        rs.getObject("ended_on", LocalDate.class), rs.getBigDecimal("used")))
                .optional();
    }

    /**
     * Ends the elders' budgets of the event's month and later on the day (no orders after it); {@code days} the ISO
     * dates, one per elder. Returns the elder of each budget ended.
     */
    List<Long> end(Long[] elderIds, String[] days) {
        return jdbc.sql("""
                        UPDATE home_care_budget b SET ended_on = d.day
                        FROM unnest(CAST(:elders AS bigint[]), CAST(:days AS date[])) AS d(elder_id, day)
                        WHERE b.elder_id = d.elder_id AND b.month >= date_trunc('month', d.day)
                          AND (b.ended_on IS NULL OR b.ended_on > d.day)
                        RETURNING b.elder_id
                        """)
                .param("elders", elderIds).param("days", days).query(Long.class).list();
    }
}
