package org.yinling.homecare;

import java.util.Map;

import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionScope;

/**
 * What of home care a user may see, for the stores to filter by: region staff and managers their region's
 * communities, a provider's manager their provider's records, a care worker the orders assigned to them. Every store
 * query of this module takes one and adds {@link #orderCondition(String)} (or the provider's own condition) to its
 * WHERE clause; a record outside it is simply not found (404), as with region scoping elsewhere.
 *
 * @param region   the region scope of region staff and managers, else null
 * @param provider the provider of a provider manager or care worker, else null
 * @param worker   the care worker's user id, else null
 */
record HomeCareScope(RegionScope region, Long provider, Long worker) {

    static HomeCareScope of(CurrentUser user) {
        if (user.getRole() == Role.CARE_WORKER) {
            return new HomeCareScope(null, user.providerId(), user.id());
        }
        if (user.getRole() == Role.PROVIDER_MANAGER) {
            return new HomeCareScope(null, user.providerId(), null);
        }
        return new HomeCareScope(user.scope(), null, null);
    }

    boolean isProvider() {
        return provider != null;
    }

    boolean isWorker() {
        return worker != null;
    }

    /**
     * The condition on an order (or any row with {@code community_code}, {@code provider_id} and {@code worker_id}
     * columns) under the given alias, with the named parameters of {@link #parameters()}.
     */
    String orderCondition(String alias) {
        if (worker != null) {
            return alias + ".worker_id = :scopeWorker AND " + alias + ".provider_id = :scopeProvider";
        }
        if (provider != null) {
            return alias + ".provider_id = :scopeProvider";
        }
        return alias + ".community_code LIKE :scopeRegion";
    }

    /** The condition on a provider row under the given alias: the region's providers, or the user's own. */
    String providerCondition(String alias) {
        if (provider != null) {
            return alias + ".id = :scopeProvider";
        }
        // a provider is the region's when it serves a community of the region (or the region is its district's)
        return "(" + alias + ".region_code LIKE :scopeRegion OR EXISTS (SELECT 1 FROM home_care_provider_community pc"
                + " WHERE pc.provider_id = " + alias + ".id AND pc.community_code LIKE :scopeRegion))";
    }

    /** The named parameters the conditions use. */
    Map<String, Object> parameters() {
        if (worker != null) {
            return Map.of("scopeWorker", worker, "scopeProvider", provider);
        }
        if (provider != null) {
            return Map.of("scopeProvider", provider);
        }
        return Map.of("scopeRegion", region.likePattern());
    }
}
