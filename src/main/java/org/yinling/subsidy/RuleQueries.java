package org.yinling.subsidy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.region.RegionScope;
import org.yinling.subsidy.rule.EligibilityFacts;
import org.yinling.subsidy.rule.PolicyRule;
import org.yinling.subsidy.rule.RuleCompiler;
import org.yinling.subsidy.rule.SqlFragment;

/** Runs compiled rules against the registry: one elder's facts, and set-based counts. */
@Repository
@Transactional(readOnly = true)
class RuleQueries {

    private final JdbcClient jdbc;

    RuleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of one elder inside {@code scope}, or empty (also when the elder is outside the scope). */
    Optional<EligibilityFacts> facts(long elderId, RegionScope scope) {
        return jdbc.sql("SELECT " + EligibilityFacts.COLUMNS + " FROM elder e WHERE e.id = ? AND e.community_code LIKE ?")
                .params(elderId, scope.likePattern())
                .query((rs, row) -> EligibilityFacts.read(rs))
                .optional();
    }

    /** How many elders of the region qualify on {@code on}, per tier index (tiers nobody reaches are absent). */
    Map<Integer, Long> countByTier(PolicyRule rule, RegionScope region, LocalDate on) {
        // eligibility in the WHERE clause as well, so that an index (e.g. on birth_date for an age limit) can serve
        SqlFragment tier = RuleCompiler.tierIndex(rule.tiers(), on);
        SqlFragment eligible = RuleCompiler.eligibility(rule.eligibility(), on);
        List<Object> params = new ArrayList<>(tier.params());
        params.add(region.likePattern());
        params.addAll(eligible.params());
        Map<Integer, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT t.tier, count(*) FROM (
                            SELECT %s AS tier FROM elder e WHERE e.community_code LIKE ? AND %s
                        ) t WHERE t.tier IS NOT NULL GROUP BY t.tier ORDER BY t.tier
                        """.formatted(tier.sql(), eligible.sql()))
                .params(params)
                .query(rs -> {
                    counts.put(rs.getInt(1), rs.getLong(2));
                });
        return counts;
    }

    /** Elder id → qualifying tier index (null when not qualifying) for the given elders: for checks and tests. */
    Map<Long, Integer> qualifyingTiers(PolicyRule rule, List<Long> elderIds, LocalDate on) {
        SqlFragment tier = RuleCompiler.qualifyingTier(rule, on);
        List<Object> params = new ArrayList<>(tier.params());
        params.add(elderIds.toArray(Long[]::new));
        Map<Long, Integer> tiers = new LinkedHashMap<>();
        jdbc.sql("SELECT e.id, %s FROM elder e WHERE e.id = ANY(?) ORDER BY e.id".formatted(tier.sql()))
                .params(params)
                .query(rs -> {
                    tiers.put(rs.getLong(1), (Integer) rs.getObject(2));
                });
        return tiers;
    }

    /**
     * Two rules compared over the region in one pass: per street (9-digit prefix) and pair of qualifying tiers on
     * {@code on} (null: not qualifying under that rule), how many elders. Elders who qualify under neither rule are
     * left out; either rule's eligibility in the WHERE clause lets an index (e.g. on birth_date) serve.
     */
    List<TierShift> compareByStreet(PolicyRule before, PolicyRule after, RegionScope region, LocalDate on) {
        SqlFragment beforeTier = RuleCompiler.qualifyingTier(before, on);
        SqlFragment afterTier = RuleCompiler.qualifyingTier(after, on);
        SqlFragment beforeEligible = RuleCompiler.eligibility(before.eligibility(), on);
        SqlFragment afterEligible = RuleCompiler.eligibility(after.eligibility(), on);
        List<Object> params = new ArrayList<>(beforeTier.params());
        params.addAll(afterTier.params());
        params.add(region.likePattern());
        params.addAll(beforeEligible.params());
        params.addAll(afterEligible.params());
        return jdbc.sql("""
                        SELECT t.street, t.before_tier, t.after_tier, count(*) FROM (
                            SELECT left(e.community_code, 9) AS street, %s AS before_tier, %s AS after_tier
                            FROM elder e WHERE e.community_code LIKE ? AND (%s OR %s)
                        ) t WHERE t.before_tier IS NOT NULL OR t.after_tier IS NOT NULL
                        GROUP BY t.street, t.before_tier, t.after_tier
                        """.formatted(beforeTier.sql(), afterTier.sql(), beforeEligible.sql(), afterEligible.sql()))
                .params(params)
                .query((rs, row) -> new TierShift(rs.getString(1), (Integer) rs.getObject(2),
                        (Integer) rs.getObject(3), rs.getLong(4)))
                .list();
    }

    /** Elders of a street whose tier is {@code before} under one rule and {@code after} under the other. */
    record TierShift(String streetPrefix, Integer before, Integer after, long elders) {
    }
}
