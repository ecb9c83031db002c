package org.yinling.api;

import java.time.Instant;
import java.util.List;

import org.yinling.region.RegionLevel;

/**
 * A registered API client as its pages show it (never a secret nor its hash).
 *
 * @param previousSecretUntil when the secret before the last rotation stops working (null: none works)
 */
record ApiClient(long id, String name, String regionCode, RegionLevel level, List<String> scopes,
                 int rateLimitPerMinute, Instant createdAt, String createdBy, Instant secretRotatedAt,
                 Instant previousSecretUntil, Instant revokedAt, String revokedBy, boolean demo) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** Whether the previous secret still works at {@code now}. */
    public boolean previousSecretWorks(Instant now) {
        return previousSecretUntil != null && now.isBefore(previousSecretUntil);
    }
}
