package org.yinling.supervision;

import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionScope;

/**
 * What of supervision a user may see, for the stores to filter by: region staff and managers the institutions of
 * their region (over the institution's community code), an institution manager their own institution only (by its
 * id). Every store query of this module adds {@link #condition(String)} on the institution row and binds
 * {@link #value()}; a finding, incident or inspection outside it is simply not found (404).
 *
 * @param region      the region scope of region staff and managers, else null
 * @param institution the institution of an institution manager, else null
 */
record SupervisionScope(RegionScope region, Long institution) {

    SupervisionScope {
        if ((region == null) == (institution == null)) {
            throw new IllegalArgumentException("Either a region or an institution");
        }
    }

    static SupervisionScope of(CurrentUser user) {
        if (user.getRole() == Role.INSTITUTION_MANAGER) {
            return new SupervisionScope(null, user.institutionId());
        }
        return new SupervisionScope(user.scope(), null);
    }

    static SupervisionScope of(RegionScope region) {
        return new SupervisionScope(region, null);
    }

    /** True for an institution manager. */
    boolean isInstitution() {
        return institution != null;
    }

    /** The condition on an {@code institution} row under the alias, with one positional parameter: {@link #value()}. */
    String condition(String alias) {
        return institution != null ? alias + ".id = ?" : alias + ".community_code LIKE ?";
    }

    /** What to bind to {@link #condition(String)}. */
    Object value() {
        return institution != null ? institution : region.likePattern();
    }
}
