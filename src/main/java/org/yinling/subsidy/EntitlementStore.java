package org.yinling.subsidy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.elder.ResidentId;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.Frequency;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleCompiler;
import org.yinling.subsidy.rule.SqlFragment;
import org.yinling.system.Paging;

/**
 * Rows of {@code subsidy_entitlement}: the elder page's list, the re-check queue, and the set-based changes that
 * follow an elder's circumstances (stop on death or move-out, flag for re-check).
 */
@Repository
class EntitlementStore {

    /** Re-check reasons, stored in {@code recheck_reason}; each has a message key. */
    static final String NOT_ELIGIBLE = "NOT_ELIGIBLE";
    static final String TIER_CHANGED = "TIER_CHANGED";

    private static final String SELECT = """
            SELECT en.id, en.elder_id, e.name, e.resident_id, en.policy_id, en.policy_code, p.name AS policy_name,
                   p.version, en.application_id, en.community_code, en.tier_index, en.amount, en.frequency,
                   en.start_month, en.end_month, en.status, en.stop_reason, en.recheck_reason, en.recheck_since,
                   en.lock_version
            FROM subsidy_entitlement en JOIN elder e ON e.id = en.elder_id
            JOIN subsidy_policy p ON p.id = en.policy_id""";

    private final JdbcClient jdbc;

    EntitlementStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EntitlementRow> ofElder(long elderId) {
        return jdbc.sql(SELECT + " WHERE en.elder_id = ? ORDER BY en.status, en.start_month DESC, en.id DESC")
                .param(elderId).query(EntitlementStore::row).list();
    }

    /** The entitlement an application became, if any. */
    Optional<EntitlementRow> ofApplication(long applicationId) {
        return jdbc.sql(SELECT + " WHERE en.application_id = ?").param(applicationId)
                .query(EntitlementStore::row).optional();
    }

    Optional<EntitlementRow> findInScope(long id, RegionScope scope) {
        return jdbc.sql(SELECT + " WHERE en.id = ? AND en.community_code LIKE ?")
                .params(id, scope.likePattern()).query(EntitlementStore::row).optional();
    }

    /** The re-check queue of a region: flagged active entitlements, longest waiting first. */
    Page<EntitlementRow> rechecks(RegionScope scope, int page) {
        long total = jdbc.sql("""
                        SELECT count(*) FROM subsidy_entitlement en
                        WHERE en.community_code LIKE ? AND en.recheck_since IS NOT NULL AND en.status = 'ACTIVE'
                        """)
                .param(scope.likePattern()).query(Long.class).single();
        PageRequest pageable = Paging.of(page, ApplicationSearch.PAGE_SIZE);
        List<EntitlementRow> rows = jdbc.sql(SELECT + """
                         WHERE en.community_code LIKE ? AND en.recheck_since IS NOT NULL AND en.status = 'ACTIVE'
                        ORDER BY en.recheck_since, en.id LIMIT ? OFFSET ?
                        """)
                .params(scope.likePattern(), pageable.getPageSize(), pageable.getOffset())
                .query(EntitlementStore::row).list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Clears the re-check flag; false when someone changed the entitlement since {@code lockVersion}. */
    boolean confirm(long id, long lockVersion, String actor) {
        return jdbc.sql("""
                        UPDATE subsidy_entitlement SET recheck_reason = NULL, recheck_since = NULL, updated_at = now(),
                            updated_by = ?, lock_version = lock_version + 1
                        WHERE id = ? AND lock_version = ? AND status = 'ACTIVE' AND recheck_since IS NOT NULL
                        """)
                .params(actor, id, lockVersion).update() == 1;
    }

    /** Stops one entitlement: {@code endMonth} is the last month paid. */
    boolean stop(long id, long lockVersion, LocalDate endMonth, String reason, String actor) {
        return jdbc.sql("""
                        UPDATE subsidy_entitlement SET status = 'STOPPED', stopped_at = now(), stop_reason = ?,
                            end_month_before_stop = end_month,
                            end_month = GREATEST(CAST(? AS date), CAST(start_month - INTERVAL '1 month' AS date)),
                            recheck_reason = NULL, recheck_since = NULL,
                            updated_at = now(), updated_by = ?, lock_version = lock_version + 1
                        WHERE id = ? AND lock_version = ? AND status = 'ACTIVE'
                        """)
                .params(reason, endMonth.withDayOfMonth(1), actor, id, lockVersion).update() == 1;
    }

    /** An entitlement stopped or an application withdrawn ({@code id}) of the elder {@code elderId}. */
    record OfElder(long id, long elderId) {
    }

    /**
     * Stops every active entitlement of the elders ({@code elderIds[i]} left on {@code dates[i]}, ISO dates) with the
     * month of the death or move-out as the last month paid; returns them in id order.
     */
    List<OfElder> stopAllOf(Long[] elderIds, String[] dates, String reason, String actor) {
        return jdbc.sql("""
                        UPDATE subsidy_entitlement s SET status = 'STOPPED', stopped_at = now(), stop_reason = ?,
                            end_month_before_stop = s.end_month,
                            end_month = GREATEST(CAST(date_trunc('month', d.day) AS date),
                                                 CAST(s.start_month - INTERVAL '1 month' AS date)),
                            recheck_reason = NULL, recheck_since = NULL,
                            updated_at = now(), updated_by = ?, lock_version = s.lock_version + 1
                        FROM unnest(CAST(? AS bigint[]), CAST(? AS date[])) AS d(elder_id, day)
                        WHERE s.elder_id = d.elder_id AND s.status = 'ACTIVE'
                        RETURNING s.id, s.elder_id
                        """)
                .params(reason, actor, elderIds, dates)
                .query((rs, n) -> new OfElder(rs.getLong("id"), rs.getLong("elder_id"))).list()
                .stream().sorted(java.util.Comparator.comparingLong(OfElder::id)).toList();
    }

    /** Withdraws the elders' open applications with a decision row each; returns them in id order. */
    List<OfElder> withdrawOpenApplicationsOf(Long[] elderIds, String note, String actor) {
        return jdbc.sql("""
                        WITH open AS (
                            SELECT id, stage, elder_id FROM subsidy_application
                            WHERE elder_id = ANY(CAST(? AS bigint[])) AND %s
                            ORDER BY id
                            FOR UPDATE
                        ), withdrawn AS (
                            UPDATE subsidy_application a SET stage = 'WITHDRAWN', closed_at = now(), updated_at = now(),
                                updated_by = ?, lock_version = a.lock_version + 1
                            FROM open WHERE a.id = open.id
                            RETURNING a.id, a.elder_id, open.stage
                        ), decided AS (
                            INSERT INTO subsidy_decision (application_id, action, stage_from, stage_to, note, decided_by)
                            SELECT id, 'WITHDRAW', stage, 'WITHDRAWN', ?, ? FROM withdrawn ORDER BY id
                        )
                        SELECT id, elder_id FROM withdrawn ORDER BY id
                        """.formatted(ApplicationStages.OPEN_CONDITION))
                .params(elderIds, actor, note, actor)
                .query((rs, n) -> new OfElder(rs.getLong("id"), rs.getLong("elder_id"))).list();
    }

    /** An application or entitlement that followed its elder to another community: from where to where. */
    record Moved(long id, long elderId, String from, String to) {
    }

    /**
     * The open applications of the elders {@code elderIds} (of every elder when null) whose elder now lives in another community,
     * as {@code FROM} rows {@code a} (application), {@code e} (elder) and whether the policy covers the new community
     * ({@code covered}): a policy of a street covers the street's communities, one of the district the district's.
     */
    private static final String OPEN_OF_MOVED_ELDERS = """
            SELECT a.id, a.elder_id, a.stage, a.community_code AS from_code, e.community_code AS to_code,
                   left(e.community_code, d.digits) = left(p.region_code, d.digits) AS covered
            FROM (SELECT id, elder_id, stage, community_code, policy_id FROM subsidy_application
                  WHERE %s AND (CAST(:elders AS bigint[]) IS NULL OR elder_id = ANY(CAST(:elders AS bigint[])))) a
            JOIN elder e ON e.id = a.elder_id
            JOIN subsidy_policy p ON p.id = a.policy_id
            JOIN region r ON r.code = p.region_code
            CROSS JOIN LATERAL (SELECT CASE r.level WHEN 'DISTRICT' THEN 6 WHEN 'STREET' THEN 9 ELSE 12 END AS digits) d
            WHERE a.community_code <> e.community_code
            """.formatted(ApplicationStages.OPEN_CONDITION);

    /**
     * Open applications follow their elder to the new community (where the policy covers it): the new community's and
     * street's queues take them over at the stage they reached. Returns what moved.
     */
    List<Moved> moveOpenApplicationsWithElders(Long[] elderIds, String actor) {
        return jdbc.sql("""
                        WITH moved AS (%s)
                        UPDATE subsidy_application a SET community_code = moved.to_code, updated_at = now(),
                            updated_by = :actor, lock_version = a.lock_version + 1
                        FROM moved WHERE a.id = moved.id AND moved.covered
                        RETURNING a.id, a.elder_id, moved.from_code, moved.to_code
                        """.formatted(OPEN_OF_MOVED_ELDERS))
                .param("elders", elderIds).param("actor", actor)
                .query((rs, row) -> new Moved(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    /**
     * Open applications whose elder moved out of the policy's region (a street's policy, another street) are withdrawn
     * with a decision row each, as at a move out of the district. Returns their ids.
     */
    List<Long> withdrawOpenApplicationsOutsidePolicy(Long[] elderIds, String note, String actor) {
        return jdbc.sql("""
                        WITH open AS (%s), withdrawn AS (
                            UPDATE subsidy_application a SET stage = 'WITHDRAWN', closed_at = now(), updated_at = now(),
                                updated_by = :actor, lock_version = a.lock_version + 1
                            FROM open WHERE a.id = open.id AND NOT open.covered
                            RETURNING a.id, open.stage
                        )
                        INSERT INTO subsidy_decision (application_id, action, stage_from, stage_to, note, decided_by)
                        SELECT id, 'WITHDRAW', stage, 'WITHDRAWN', :note, :actor FROM withdrawn
                        RETURNING application_id
                        """.formatted(OPEN_OF_MOVED_ELDERS))
                .param("elders", elderIds).param("actor", actor).param("note", note).query(Long.class).list();
    }

    /** Active entitlements follow their elder too, so that the new street re-checks them. Returns what moved. */
    List<Moved> moveActiveEntitlementsWithElders(Long[] elderIds, String actor) {
        return jdbc.sql("""
                        WITH moved AS (
                            SELECT en.id, en.elder_id, en.community_code AS from_code, e.community_code AS to_code
                            FROM subsidy_entitlement en JOIN elder e ON e.id = en.elder_id
                            WHERE en.status = 'ACTIVE' AND en.community_code <> e.community_code
                              AND (CAST(:elders AS bigint[]) IS NULL OR en.elder_id = ANY(CAST(:elders AS bigint[])))
                        )
                        UPDATE subsidy_entitlement en SET community_code = moved.to_code, updated_at = now(),
                            updated_by = :actor, lock_version = en.lock_version + 1
                        FROM moved WHERE en.id = moved.id
                        RETURNING en.id, en.elder_id, moved.from_code, moved.to_code
                        """)
                .param("elders", elderIds).param("actor", actor)
                .query((rs, row) -> new Moved(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4))).list();
    }

    /** The policies of which the elders {@code elderIds} hold active entitlements, for their re-evaluation. */
    List<Long> policiesWithActiveEntitlementsOf(Long[] elderIds) {
        return jdbc.sql("""
                        SELECT DISTINCT policy_id FROM subsidy_entitlement
                        WHERE elder_id = ANY(CAST(? AS bigint[])) AND status = 'ACTIVE' ORDER BY policy_id
                        """)
                .param(elderIds).query(Long.class).list();
    }

    /** An entitlement {@link #flagElders} flagged, with the tier its elder qualifies for now (-1: none). */
    record Flagged(long id, long elderId, String reason, int qualifyingTier) {
    }

    /**
     * Set-based re-evaluation of the elders' active entitlements of one policy version: those whose elder no longer
     * qualifies, or qualifies in another tier, are flagged for the street's re-check with that reason; a flag already
     * there keeps its first date, and one with the same reason is left alone. The rule compiles to SQL
     * (RuleCompiler), the same rule RuleEvaluator applies to one elder (RuleAgreementTest). Returns what was flagged.
     */
    List<Flagged> flagElders(long policyId, PolicyRule rule, Long[] elderIds, LocalDate on, String actor) {
        SqlFragment tier = RuleCompiler.qualifyingTier(rule, on);
        // parameters in the order of the SQL text: the tier fragment, policy_id, the elders, updated_by
        List<Object> params = new ArrayList<>(tier.params());
        params.add(policyId);
        params.add(elderIds);
        params.add(actor);
        return jdbc.sql("""
                        WITH verdict AS (
                            SELECT q.id, q.elder_id, q.tier,
                                   CASE WHEN q.tier IS NULL THEN 'NOT_ELIGIBLE' ELSE 'TIER_CHANGED' END AS reason
                            FROM (SELECT en.id, en.elder_id, en.tier_index, %s AS tier
                                  FROM subsidy_entitlement en JOIN elder e ON e.id = en.elder_id
                                  WHERE en.policy_id = ? AND en.status = 'ACTIVE'
                                    AND en.elder_id = ANY(CAST(? AS bigint[]))) q
                            WHERE q.tier IS DISTINCT FROM q.tier_index
                        )
                        UPDATE subsidy_entitlement en
                        SET recheck_reason = v.reason, recheck_since = COALESCE(en.recheck_since, now()),
                            updated_at = now(), updated_by = ?, lock_version = en.lock_version + 1
                        FROM verdict v
                        WHERE en.id = v.id AND en.recheck_reason IS DISTINCT FROM v.reason
                        RETURNING en.id, v.elder_id, v.reason, v.tier
                        """.formatted(tier.sql()))
                .params(params)
                .query((rs, row) -> new Flagged(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("reason"),
                        rs.getObject("tier") == null ? -1 : rs.getInt("tier")))
                .list();
    }

    /** The policies that have active entitlements, for a set-based re-evaluation. */
    List<Long> policiesWithActiveEntitlements() {
        return jdbc.sql("SELECT DISTINCT policy_id FROM subsidy_entitlement WHERE status = 'ACTIVE' ORDER BY policy_id")
                .query(Long.class).list();
    }

    /**
     * Set-based re-evaluation of every active, unflagged entitlement of one policy version: those whose elder no
     * longer qualifies, or qualifies in another tier, are flagged. The rule compiles to SQL (RuleCompiler), the same
     * rule RuleEvaluator applies to one elder. Returns how many were flagged.
     */
    int flagAll(long policyId, PolicyRule rule, LocalDate on, String actor) {
        SqlFragment tier = RuleCompiler.qualifyingTier(rule, on);
        // parameters in the order of the SQL text: updated_by, the tier fragment (inside FROM), policy_id
        List<Object> params = new ArrayList<>();
        params.add(actor);
        params.addAll(tier.params());
        params.add(policyId);
        return jdbc.sql("""
                        UPDATE subsidy_entitlement en
                        SET recheck_reason = CASE WHEN q.tier IS NULL THEN 'NOT_ELIGIBLE' ELSE 'TIER_CHANGED' END,
                            recheck_since = now(), updated_at = now(), updated_by = ?, lock_version = en.lock_version + 1
                        FROM (SELECT e.id AS elder_id, %s AS tier FROM elder e) q
                        WHERE q.elder_id = en.elder_id AND en.policy_id = ? AND en.status = 'ACTIVE'
                          AND en.recheck_since IS NULL AND q.tier IS DISTINCT FROM en.tier_index
                        """.formatted(tier.sql()))
                .params(params)
                .update();
    }

    private static EntitlementRow row(ResultSet rs, int row) throws SQLException {
        return new EntitlementRow(rs.getLong("id"), rs.getLong("elder_id"), rs.getString("name"),
                ResidentId.mask(rs.getString("resident_id")), rs.getLong("policy_id"),
                rs.getString("policy_code"), rs.getString("policy_name"), rs.getInt("version"),
                rs.getLong("application_id"), rs.getString("community_code"), rs.getInt("tier_index"),
                rs.getBigDecimal("amount"), Frequency.valueOf(rs.getString("frequency")),
                rs.getObject("start_month", LocalDate.class), rs.getObject("end_month", LocalDate.class),
                EntitlementStatus.valueOf(rs.getString("status")), rs.getString("stop_reason"),
                rs.getString("recheck_reason"), ApplicationStore.instant(rs.getTimestamp("recheck_since")),
                rs.getLong("lock_version"));
    }
}
