package org.yinling.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;
import org.yinling.subsidy.rule.PolicyRule;

/**
 * Policy simulation for managers: a policy in force with a changed rule, counted against the rule in force, per
 * street of the region the user may see. Read-only: nothing is saved, no version, no audit of a change (the figures
 * are aggregates, so there is no personal data to audit a view of either).
 */
@Service
@PreAuthorize("hasAnyRole('ADMIN', 'DISTRICT_STAFF', 'MANAGER')")
@Transactional(readOnly = true)
class PolicySimulation {

    private final PolicyStore store;
    private final PolicyVisibility visibility;
    private final RuleQueries rules;
    private final Regions regions;

    PolicySimulation(PolicyStore store, PolicyVisibility visibility, RuleQueries rules, Regions regions) {
        this.store = store;
        this.visibility = visibility;
        this.rules = rules;
        this.regions = regions;
    }

    /** The policies in force on {@code on} that the user may see, by code. */
    List<Policy> inForce(CurrentUser user, LocalDate on) {
        return visibility.publishedVersions(user).stream().filter(policy -> policy.inForceOn(on)).toList();
    }

    /** The policy version if it is in force on {@code on} and the user may see it; 404 otherwise. */
    Policy load(long id, CurrentUser user, LocalDate on) {
        return store.find(id).filter(policy -> policy.inForceOn(on) && visibility.mayView(policy, user))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The policy's rule in force against {@code changed}, on {@code on}, over the user's part of its region. */
    PolicySimulationResult simulate(Policy policy, PolicyRule changed, CurrentUser user, LocalDate on) {
        RegionScope scope = visibility.effectiveScope(policy, user);
        PolicyRule current = policy.rule();
        int perYear = PolicySimulationResult.paymentsPerYear(policy.frequency());
        Map<String, Tally> streets = new LinkedHashMap<>();
        for (RegionView street : regions.within(scope, RegionLevel.STREET)) {
            streets.put(street.scope().prefix(), new Tally(street.code()));
        }
        Tally total = new Tally(null);
        long[] tiersBefore = new long[current.tiers().size()];
        long[] tiersAfter = new long[changed.tiers().size()];
        for (RuleQueries.TierShift shift : rules.compareByStreet(current, changed, scope, on)) {
            BigDecimal before = amount(current, shift.before());
            BigDecimal after = amount(changed, shift.after());
            streets.computeIfAbsent(shift.streetPrefix(), prefix -> new Tally(prefix + "000"))
                    .add(shift, before, after);
            total.add(shift, before, after);
            if (shift.before() != null) {
                tiersBefore[shift.before()] += shift.elders();
            }
            if (shift.after() != null) {
                tiersAfter[shift.after()] += shift.elders();
            }
        }
        List<PolicySimulationResult.StreetRow> rows = streets.values().stream().map(t -> t.row(perYear)).toList();
        return new PolicySimulationResult(on, scope.prefix(), policy.frequency(), rows, total.row(perYear),
                tierRows(current, tiersBefore, changed, tiersAfter));
    }

    private static List<PolicySimulationResult.TierRow> tierRows(PolicyRule current, long[] before,
                                                                  PolicyRule changed, long[] after) {
        List<PolicySimulationResult.TierRow> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(before.length, after.length); i++) {
            rows.add(new PolicySimulationResult.TierRow(i,
                    i < before.length ? current.tiers().get(i).amount() : null, i < before.length ? before[i] : 0,
                    i < after.length ? changed.tiers().get(i).amount() : null, i < after.length ? after[i] : 0));
        }
        return rows;
    }

    /** The amount of a tier index, zero for "does not qualify". */
    private static BigDecimal amount(PolicyRule rule, Integer tier) {
        return tier == null ? BigDecimal.ZERO : rule.tiers().get(tier).amount();
    }

    /** Counts and costs of one street (or of everything) as the shifts come in. */
    private static final class Tally {
        private final String code;
        private long before;
        private long after;
        private BigDecimal costBefore = BigDecimal.ZERO;
        private BigDecimal costAfter = BigDecimal.ZERO;

        Tally(String code) {
            this.code = code;
        }

        void add(RuleQueries.TierShift shift, BigDecimal amountBefore, BigDecimal amountAfter) {
            BigDecimal elders = BigDecimal.valueOf(shift.elders());
            if (shift.before() != null) {
                before += shift.elders();
                costBefore = costBefore.add(amountBefore.multiply(elders));
            }
            if (shift.after() != null) {
                after += shift.elders();
                costAfter = costAfter.add(amountAfter.multiply(elders));
            }
        }

        PolicySimulationResult.StreetRow row(int paymentsPerYear) {
            return new PolicySimulationResult.StreetRow(code, before, after, costBefore, costAfter,
                    costAfter.subtract(costBefore).multiply(BigDecimal.valueOf(paymentsPerYear)));
        }
    }
}
