package org.yinling.visit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.yinling.subsidy.rule.RuleCompiler;
import org.yinling.subsidy.rule.SqlFragment;

/**
 * The roster, computed set-based: one statement compares the elders who meet the rules in force with the open roster
 * rows of a region (or of one elder) and inserts, closes and updates them; a second keeps this month's
 * {@code visit_month} rows in step; a third unbinds elders whose visitor is no longer of their community.
 */
@Repository
class VisitRosterStore {

    private final JdbcClient jdbc;

    VisitRosterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What a recompute changed. */
    record Changes(int added, int left, int changed) {
        boolean any() {
            return added + left + changed > 0;
        }
    }

    /** Recomputes the roster of the communities under {@code prefix} ('' for all) on {@code today}. */
    Changes recompute(List<VisitRule> rosterRules, List<VisitRule> tierRules, String prefix, LocalDate today) {
        SqlFragment statement = statement(rosterRules, tierRules, prefix, null, today).then("", SqlFragment.of("""
                        SELECT (SELECT count(*) FROM added) AS added, (SELECT count(*) FROM closed) AS closed,
                               (SELECT count(*) FROM changed) AS changed"""));
        // A region's recompute joins its candidates with the open roster rows: with nested loops, the planner's
        // choice when the roster is empty or newly emptied (0 rows in its statistics, 200 guessed for the
        // candidates), the insert re-read the roster it was filling for every candidate, 120,567 times at city
        // scale (148 s; 15 s with hash joins). For elders by id, nested loops over the indexes are right.
        jdbc.sql("SET LOCAL enable_nestloop = off").update();
        Changes changes = jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, n) -> new Changes(rs.getInt("added"), rs.getInt("closed"), rs.getInt("changed")))
                .single();
        // the rest of the transaction (an import's, when it follows EldersImported) plans as usual; on a failure
        // the setting goes with the rolled-back transaction
        jdbc.sql("SET LOCAL enable_nestloop TO DEFAULT").update();
        followMonth(prefix, null, today);
        unbindStrangers(prefix, null);
        return changes;
    }

    /**
     * Recomputes the roster rows of the elders {@code elderIds} (one or many, e.g. an agency's list of deaths) on
     * {@code today}, with the same statements as a region's; what changed for each elder with a change.
     */
    Map<Long, Changes> recompute(List<VisitRule> rosterRules, List<VisitRule> tierRules, Long[] elderIds,
                                 LocalDate today) {
        SqlFragment statement = statement(rosterRules, tierRules, "", elderIds, today).then("", SqlFragment.of("""
                        SELECT x.elder_id, count(*) FILTER (WHERE x.what = 'added') AS added,
                               count(*) FILTER (WHERE x.what = 'closed') AS closed,
                               count(*) FILTER (WHERE x.what = 'changed') AS changed
                        FROM (SELECT elder_id, 'added' AS what FROM added
                              UNION ALL SELECT elder_id, 'closed' FROM closed
                              UNION ALL SELECT elder_id, 'changed' FROM changed) x
                        GROUP BY x.elder_id"""));
        Map<Long, Changes> changes = new HashMap<>();
        jdbc.sql(statement.sql()).params(statement.params()).query(rs -> {
            changes.put(rs.getLong("elder_id"),
                    new Changes(rs.getInt("added"), rs.getInt("closed"), rs.getInt("changed")));
        });
        followMonth("", elderIds, today);
        unbindStrangers("", elderIds);
        return changes;
    }

    /** The statement comparing the candidates with the open roster rows, up to its final SELECT. */
    private static SqlFragment statement(List<VisitRule> rosterRules, List<VisitRule> tierRules, String prefix,
                                         Long[] elderIds, LocalDate today) {
        // One pass over the registry: an elder is a candidate when any roster rule matches, with the first matching
        // rule (rules come in id order, so the lowest id, as before) and the tier of the tier rules. A UNION of one
        // scan per rule and a GROUP BY read the registry once per rule (five times with the defaults).
        List<SqlFragment> matches = new ArrayList<>();
        List<SqlFragment> firstRule = new ArrayList<>();
        for (VisitRule rule : rosterRules) {
            SqlFragment match = SqlFragment.of("(e.community_code LIKE ? AND ", rule.communityPrefix() + "%")
                    .then("", RuleCompiler.eligibility(rule.criteria(), today));
            if (rule.homeOnly()) {
                match = match.then(" AND ", SqlFragment.of(
                        "NOT EXISTS (SELECT 1 FROM stay s WHERE s.elder_id = e.id AND s.ended_on IS NULL)"));
            }
            match = match.then("", SqlFragment.of(")"));
            matches.add(match);
            firstRule.add(SqlFragment.of(" WHEN ").then("", match)
                    .then("", SqlFragment.of(" THEN CAST(? AS BIGINT)", rule.id())));
        }
        SqlFragment tier = SqlFragment.of("(CASE WHEN ").then("", anyOf(tierRules, RiskTier.HIGH, today))
                .then(" THEN 'HIGH' WHEN ", anyOf(tierRules, RiskTier.MEDIUM, today))
                .then(" THEN 'MEDIUM' ELSE 'LOW' END)", SqlFragment.of(""));
        SqlFragment ruleId = matches.isEmpty() ? SqlFragment.of("CAST(NULL AS BIGINT)")
                : SqlFragment.of("(CASE").then("", SqlFragment.join("", firstRule)).then(" END)", SqlFragment.of(""));
        SqlFragment anyRule = matches.isEmpty() ? SqlFragment.of("FALSE")
                : SqlFragment.of("(").then("", SqlFragment.join(" OR ", matches)).then("", SqlFragment.of(")"));
        return SqlFragment.of("WITH tiered AS MATERIALIZED (SELECT e.id AS elder_id, e.community_code, ")
                .then("", ruleId)
                .then(" AS rule_id, ", tier)
                .then("", SqlFragment.of(" AS tier FROM elder e WHERE e.life_status = 'ACTIVE' AND e.community_code LIKE ?",
                        prefix + "%"))
                .then("", elder("e.id", elderIds))
                .then(" AND ", anyRule)
                .then("", SqlFragment.of("""
                        ), closed AS (
                            UPDATE visit_roster r SET left_on = GREATEST(?, r.rostered_on),
                                   left_reason = CASE e.life_status WHEN 'DECEASED' THEN 'DECEASED'
                                                 WHEN 'MOVED_OUT' THEN 'MOVED_OUT' ELSE 'NO_LONGER_QUALIFIES' END
                            FROM elder e
                            WHERE e.id = r.elder_id AND r.left_on IS NULL AND r.community_code LIKE ?""",
                        today, prefix + "%"))
                .then("", elder("r.elder_id", elderIds))
                .then("", SqlFragment.of("""
                              AND NOT EXISTS (SELECT 1 FROM tiered t WHERE t.elder_id = r.elder_id)
                            RETURNING r.elder_id
                        ), changed AS (
                            UPDATE visit_roster r SET community_code = t.community_code, rule_id = t.rule_id,
                                   rule_tier = t.tier
                            FROM tiered t
                            WHERE r.elder_id = t.elder_id AND r.left_on IS NULL
                              AND (r.community_code, r.rule_id, r.rule_tier) IS DISTINCT FROM (t.community_code, t.rule_id, t.tier)
                            RETURNING r.elder_id
                        ), added AS (
                            INSERT INTO visit_roster (elder_id, community_code, rule_id, rule_tier, rostered_on, last_visit_at)
                            SELECT t.elder_id, t.community_code, t.rule_id, t.tier, ?,
                                   (SELECT max(v.visited_at) FROM visit v WHERE v.elder_id = t.elder_id AND v.reached)
                            FROM tiered t
                            WHERE NOT EXISTS (SELECT 1 FROM visit_roster r WHERE r.elder_id = t.elder_id AND r.left_on IS NULL)
                            RETURNING elder_id
                        )
                        """, today));
    }

    /**
     * This month's rows of {@code visit_month} follow the roster: one per elder rostered at any time this month, with
     * the community and tier now and whether they are still on it.
     */
    int followMonth(String prefix, Long[] elderIds, LocalDate today) {
        LocalDate month = today.withDayOfMonth(1);
        SqlFragment sql = SqlFragment.of("""
                        INSERT INTO visit_month (month, elder_id, community_code, tier, on_roster)
                        SELECT DISTINCT ON (r.elder_id) ?, r.elder_id, r.community_code, r.tier, r.left_on IS NULL
                        FROM visit_roster r
                        WHERE (r.left_on IS NULL OR r.left_on >= ?) AND r.rostered_on <= ? AND r.community_code LIKE ?""",
                        month, month, today, prefix + "%")
                .then("", elder("r.elder_id", elderIds))
                .then("", SqlFragment.of("""
                         ORDER BY r.elder_id, (r.left_on IS NULL) DESC, r.rostered_on DESC
                        ON CONFLICT (month, elder_id) DO UPDATE SET community_code = EXCLUDED.community_code,
                               tier = EXCLUDED.tier, on_roster = EXCLUDED.on_roster
                        WHERE (visit_month.community_code, visit_month.tier, visit_month.on_roster)
                              IS DISTINCT FROM (EXCLUDED.community_code, EXCLUDED.tier, EXCLUDED.on_roster)"""));
        return jdbc.sql(sql.sql()).params(sql.params()).update();
    }

    /** Bindings to a visitor of another community than the elder's (the elder moved, or left the roster elsewhere). */
    private int unbindStrangers(String prefix, Long[] elderIds) {
        SqlFragment sql = SqlFragment.of("""
                        DELETE FROM visit_binding b USING visit_roster r, app_user u
                        WHERE r.elder_id = b.elder_id AND r.left_on IS NULL AND u.id = b.visitor_id
                          AND u.region_code <> r.community_code AND r.community_code LIKE ?""", prefix + "%")
                .then("", elder("b.elder_id", elderIds));
        return jdbc.sql(sql.sql()).params(sql.params()).update();
    }

    private static SqlFragment elder(String column, Long[] elderIds) {
        return elderIds == null ? SqlFragment.of("")
                : SqlFragment.of(" AND " + column + " = ANY(CAST(? AS bigint[]))", (Object) elderIds);
    }

    /** Whether a tier rule of that tier in force applies to the elder {@code e} and matches. */
    private static SqlFragment anyOf(List<VisitRule> tierRules, RiskTier tier, LocalDate today) {
        List<SqlFragment> tests = new ArrayList<>();
        for (VisitRule rule : tierRules) {
            if (rule.tier() == tier) {
                tests.add(SqlFragment.of("(e.community_code LIKE ? AND ", rule.communityPrefix() + "%")
                        .then("", RuleCompiler.eligibility(rule.criteria(), today)).then("", SqlFragment.of(")")));
            }
        }
        return tests.isEmpty() ? SqlFragment.of("FALSE")
                : SqlFragment.of("(").then("", SqlFragment.join(" OR ", tests)).then("", SqlFragment.of(")"));
    }
}
