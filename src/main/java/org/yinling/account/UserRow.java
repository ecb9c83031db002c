package org.yinling.account;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A user as the administration pages show it; never carries the password hash. */
record UserRow(long id, String username, String displayName, Role role, String regionCode, boolean enabled,
               boolean locked, int failedLogins, LocalDateTime lockedUntil, boolean demo, Instant createdAt) {

    static UserRow of(AppUser user) {
        return new UserRow(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
                user.getRegionCode(), user.isEnabled(), user.isLockedAt(Instant.now()), user.getFailedLogins(),
                user.getLockedUntil() == null ? null : LocalDateTime.ofInstant(user.getLockedUntil(), ZoneId.systemDefault()),
                user.isDemo(), user.getCreatedAt());
    }
}
