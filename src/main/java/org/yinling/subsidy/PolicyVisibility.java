package org.yinling.subsidy;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yinling.account.CurrentUser;
import org.yinling.region.RegionScope;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * Which policies a user sees and over which elders they count them: the policies of their region and below, and
 * those of the regions above theirs; counted over the narrower of the policy's region and the user's scope. Shared
 * by the policy pages and the simulation, which differ in who may use them.
 */
@Component
class PolicyVisibility {

    private final PolicyStore store;
    private final Regions regions;

    PolicyVisibility(PolicyStore store, Regions regions) {
        this.store = store;
        this.regions = regions;
    }

    /** The latest version of every policy the user may see. */
    List<Policy> latestVersions(CurrentUser user) {
        return store.latestVersions(ancestors(user), user.scope().likePattern());
    }

    /** The published version of every policy the user may see (in force or not: see {@link Policy#inForceOn}). */
    List<Policy> publishedVersions(CurrentUser user) {
        return store.publishedVersions(ancestors(user), user.scope().likePattern());
    }

    boolean mayView(Policy policy, CurrentUser user) {
        return user.scope().contains(policy.regionCode()) || ancestors(user).contains(policy.regionCode());
    }

    /** The narrower of the policy's region and the user's scope (one always contains the other). */
    RegionScope effectiveScope(Policy policy, CurrentUser user) {
        RegionScope policyScope = regions.find(policy.regionCode()).map(RegionView::scope)
                .orElseThrow(() -> new IllegalStateException("unknown region " + policy.regionCode()));
        return user.scope().contains(policy.regionCode()) ? policyScope : user.scope();
    }

    private List<String> ancestors(CurrentUser user) {
        return regions.path(user.getRegionCode()).stream().map(RegionView::code).toList();
    }
}
