package org.yinling.visit;

import java.util.Map;

import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionScope;

/**
 * What of the visits a user may see, for the stores to filter by: region staff and managers their region's
 * communities, a visitor (role VISITOR) only the elders bound to them in their community. Every store query over
 * rostered elders adds {@link #condition(String)}; an elder outside is not found (404).
 *
 * @param region  the user's region scope
 * @param visitor the visitor's user id, else null
 */
record VisitScope(RegionScope region, Long visitor) {

    static VisitScope of(CurrentUser user) {
        return new VisitScope(user.scope(), user.getRole() == Role.VISITOR ? user.id() : null);
    }

    boolean isVisitor() {
        return visitor != null;
    }

    /**
     * The condition on a row with {@code community_code} and {@code elder_id} columns under the given alias, with the
     * named parameters of {@link #parameters()}.
     */
    String condition(String alias) {
        String region = alias + ".community_code LIKE :scopeRegion";
        if (visitor == null) {
            return region;
        }
        return region + " AND EXISTS (SELECT 1 FROM visit_binding sb WHERE sb.elder_id = " + alias
                + ".elder_id AND sb.visitor_id = :scopeVisitor)";
    }

    Map<String, Object> parameters() {
        return visitor == null ? Map.of("scopeRegion", region.likePattern())
                : Map.of("scopeRegion", region.likePattern(), "scopeVisitor", visitor);
    }
}
