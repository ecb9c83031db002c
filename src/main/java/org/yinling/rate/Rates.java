package org.yinling.rate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionLevel;
import org.yinling.region.Regions;

/**
 * Keeps the rate tables: a change is a new version for a region from a month, never one already begun (the rule of
 * the home-care catalogue's prices: the past is never repriced). The administrator sets the city default, the
 * district (and the administrator) a district's or a street's override.
 */
@Service
public class Rates {

    /** Why a new version is refused; each has a message key. */
    public enum Problem {
        /** The month has begun already (or is missing): the past is never repriced. */
        PAST,
        /** The region is not the user's district or one of its streets (the city default: the administrator only). */
        REGION,
        /** An amount is not a number of at most two decimals between 0 and the table's maximum. */
        AMOUNT,
        /** A setting is not one of the table's. */
        CHOICE,
        /** The region has a version from that month already. */
        DUPLICATE;

        public String messageKey() {
            return "rate.problem." + name();
        }
    }

    private final RateStore store;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    Rates(RateStore store, Regions regions, AuditLog audit, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The versions of the city and the user's regions, by region, newest first. */
    @Transactional(readOnly = true)
    public List<RateVersion> versions(RateTable table, CurrentUser user) {
        return store.versions(table.code(), user.scope(), LocalDate.now(clock));
    }

    /** The version in force for a community on a day, if any. */
    @Transactional(readOnly = true)
    public Optional<RateVersion> inForce(RateTable table, String communityCode, LocalDate day) {
        return store.inForce(table.code(), communityCode, day);
    }

    /** The amount of a key in force for a community on a day; null when none is set. */
    @Transactional(readOnly = true)
    public BigDecimal amountOn(RateTable table, String key, String communityCode, LocalDate day) {
        return store.inForce(table.code(), communityCode, day).map(v -> v.amount(key)).orElse(null);
    }

    /**
     * Adds a version of the table for a region (blank: the city default) from the first day of a month; the amounts
     * as typed (blank: not set). The problem when refused; nothing is written then.
     */
    @Transactional
    public Optional<Problem> add(RateTable table, String regionCode, YearMonth from, Map<String, String> typed,
                                 List<String> choices, CurrentUser user) {
        if (from == null || from.atDay(1).isBefore(LocalDate.now(clock))) {
            return Optional.of(Problem.PAST);
        }
        String region = regionCode == null || regionCode.isBlank() ? null : regionCode.strip();
        if (!mayChange(region, user)) {
            return Optional.of(Problem.REGION);
        }
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        for (String key : table.keys()) {
            String text = typed.get(key) == null ? "" : typed.get(key).strip();
            if (text.isEmpty()) {
                amounts.put(key, null);
                continue;
            }
            if (!text.matches("\\d{1,9}(\\.\\d{1,2})?") || new BigDecimal(text).compareTo(table.max()) > 0) {
                return Optional.of(Problem.AMOUNT);
            }
            amounts.put(key, new BigDecimal(text));
        }
        List<String> settings = choices == null ? List.of() : choices.stream().distinct().toList();
        if (!table.choices().containsAll(settings)) {
            return Optional.of(Problem.CHOICE);
        }
        Optional<Long> id = store.insert(table.code(), region, from.atDay(1), amounts, settings, user.getUsername());
        if (id.isEmpty()) {
            return Optional.of(Problem.DUPLICATE);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("table", table.code());
        details.put("region", region == null ? "" : region);
        details.put("from", from.atDay(1).toString());
        Map<String, String> shown = new LinkedHashMap<>();
        amounts.forEach((key, amount) -> shown.put(key, amount == null ? "" : amount.toPlainString()));
        details.put("amounts", shown);
        if (table.hasChoices()) {
            details.put("choices", settings);
        }
        audit.record("RATE_VERSION_ADDED", "rate_version", id.get(), details);
        return Optional.empty();
    }

    /** Whether the user may add a version for the region: the city (null) the administrator only. */
    public boolean mayChange(String region, CurrentUser user) {
        if (region == null) {
            return user.getRole() == Role.ADMIN;
        }
        if (user.getRole() != Role.ADMIN && user.getRole() != Role.DISTRICT_STAFF || !user.scope().contains(region)) {
            return false;
        }
        return regions.find(region).map(r -> r.level() == RegionLevel.DISTRICT || r.level() == RegionLevel.STREET)
                .orElse(false);
    }
}
