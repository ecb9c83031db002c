package org.yinling.rate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A version of a rate table for a region from a date: its amounts by key (an absent or null amount is not set) and its
 * settings. Never changed once stored.
 *
 * @param regionCode null for the city default
 * @param regionName null for the city default
 * @param createdBy  who set it (display name); null for a migration's default
 * @param current    whether it is the version of its region in force today (a later one is scheduled, an earlier one
 *                   superseded)
 */
public record RateVersion(long id, String regionCode, String regionName, LocalDate effectiveFrom,
                          Map<String, BigDecimal> amounts, List<String> choices, String createdBy, Instant createdAt,
                          boolean current) {

    public BigDecimal amount(String key) {
        return amounts.get(key);
    }

    public boolean scheduled(LocalDate today) {
        return effectiveFrom.isAfter(today);
    }
}
