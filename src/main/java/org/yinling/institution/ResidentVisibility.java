package org.yinling.institution;

import java.util.Map;

import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;

/**
 * Who may see and act on which residents and waiting elders of an institution (docs/security.md, "Residents of an
 * institution"). An institution serves elders of many communities and streets, and a user reaches its pages when the
 * institution lies in their region. Its elders' personal data (name, ID, category, capability level, the bed they
 * sleep in) are shown only
 * <ul>
 *   <li>to users whose region holds the elder (the elder's community, street or district), and</li>
 *   <li>to the institution's supervisors: the street office of the street it lies in and the district bureau (users
 *   of a street or a district whose region holds the institution; the administrator has no institution pages).</li>
 * </ul>
 * A community clerk of the institution's own community is no supervisor: they see their community's elders and only
 * counts of the others. State changes of a stay (transfer, discharge) and admissions from the waiting list follow the
 * same rule. Withdrawing an elder's waiting entry ends the elder's own application, which the elder (or their family)
 * makes and ends through their own community or street: it is for the elder's region only (the district holds all of
 * its elders), never for the street that hosts the institution, whose own elders wait in the same queue.
 *
 * <p>The rule is a SQL condition over {@code elder e} and {@code institution i}, bound by {@link #parameters}, so that
 * the stores never load the personal data of an elder the user may not see.
 */
final class ResidentVisibility {

    /** True where the user may see the elder {@code e} staying at or waiting for the institution {@code i}. */
    static final String VISIBLE = "(e.community_code LIKE :scope OR (:supervises AND i.community_code LIKE :scope))";

    /** True where the elder {@code e} lies in the user's own region (for withdrawing their waiting entry). */
    static final String OWN_REGION = "e.community_code LIKE :scope";

    private ResidentVisibility() {
    }

    /** Whether users of this scope supervise the institutions in it: streets and districts (and the whole system). */
    static boolean supervises(RegionScope scope) {
        return scope.prefix().length() < RegionLevel.COMMUNITY.significantDigits();
    }

    /** The named parameters of {@link #VISIBLE} and {@link #OWN_REGION}. */
    static Map<String, Object> parameters(RegionScope scope) {
        return Map.of("scope", scope.likePattern(), "supervises", supervises(scope));
    }
}
