package org.yinling.account;

import java.util.Set;

import org.yinling.region.RegionLevel;
import org.yinling.region.RegionScope;

/**
 * An agency system calling the API (issue 22): a registered API client, the region it may see and its scopes. API
 * controllers take it with {@code @AuthenticationPrincipal ApiCaller caller} and hand {@link #scope()} to the same
 * data-access layer as the pages, so a client of one street sees nothing of another.
 *
 * @param clientId   the client's id (table {@code api_client})
 * @param clientName the client's name, as audited with every call
 * @param regionCode the 12-digit code of the region the client may see
 * @param level      that region's level
 * @param scopes     the client's scopes, e.g. {@code elders:read}
 */
public record ApiCaller(long clientId, String clientName, String regionCode, RegionLevel level, Set<String> scopes) {

    /** Reads the full resident ID numbers (else masked, like a manager's pages). */
    public static final String FULL_ID_SCOPE = "elders:read-full-id";

    public ApiCaller {
        scopes = Set.copyOf(scopes);
    }

    /** The records this client may see: its region's subtree. */
    public RegionScope scope() {
        return RegionScope.of(regionCode, level);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /** Whether this client reads resident IDs in full ({@link #FULL_ID_SCOPE}); else masked as {@code ResidentId.mask}. */
    public boolean readsFullIds() {
        return has(FULL_ID_SCOPE);
    }

    /** The actor written to the audit log for this client's calls. */
    public String auditActor() {
        return "api:" + clientName;
    }
}
