package org.yinling.subsidy;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to policy versions for other modules (payments compute tiers from the version granted). */
@Service
@Transactional(readOnly = true)
public class SubsidyPolicies {

    private final PolicyStore store;

    SubsidyPolicies(PolicyStore store) {
        this.store = store;
    }

    public Optional<Policy> find(long id) {
        return store.find(id);
    }

    /**
     * The service-budget entitlements that cover a month, as a subquery for set-based statements of other modules
     * (home care opens its monthly budgets from it): columns {@code entitlement_id, elder_id, community_code, amount,
     * government_share, carry_over}, the month as the named parameter {@code :budgetMonth} (a first of a month).
     * An entitlement covers the month when it started by then and ends no earlier (active, or stopped after it).
     */
    public String serviceBudgetEntitlements() {
        return SERVICE_BUDGET_ENTITLEMENTS;
    }

    private static final String SERVICE_BUDGET_ENTITLEMENTS = """
            SELECT en.id AS entitlement_id, en.elder_id, en.community_code, en.amount,
                   sp.government_share, sp.budget_carry_over AS carry_over
            FROM subsidy_entitlement en
            JOIN subsidy_policy sp ON sp.id = en.policy_id
            WHERE sp.delivery = 'SERVICE_BUDGET' AND en.frequency = 'MONTHLY'
              AND en.start_month <= CAST(:budgetMonth AS date)
              AND (en.end_month IS NULL OR en.end_month >= CAST(:budgetMonth AS date))
              AND (en.status = 'ACTIVE' OR en.end_month >= CAST(:budgetMonth AS date))
            """;
}
