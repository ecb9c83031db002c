package org.yinling.account;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

/** A user as the administration pages show it; never carries the password hash. */
record UserRow(long id, String username, String displayName, Role role, String regionCode, boolean enabled,
               boolean locked, int failedLogins, LocalDateTime lockedUntil, boolean demo, Instant createdAt,
               Long providerId, Long institutionId) {

    /** The user as of {@code clock}'s instant, the lock's end in its zone. */
    static UserRow of(AppUser user, Clock clock) {
        return new UserRow(user.getId(), user.getUsername(), user.getDisplayName(), user.getRole(),
                user.getRegionCode(), user.isEnabled(), user.isLockedAt(clock.instant()), user.getFailedLogins(),
                user.getLockedUntil() == null ? null : LocalDateTime.ofInstant(user.getLockedUntil(), clock.getZone()),
                user.isDemo(), user.getCreatedAt(), user.getProviderId(),
                user.getInstitutionId());
    }
}
