package org.yinling.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionLevel;
import org.yinling.region.RegionView;
import org.yinling.region.Regions;

/**
 * The waiting list's priority order per district (issue 21 §6): read by everyone who reads the list, set by the
 * district for its own district from a day on (today or later: the order that held on a past day never changes).
 */
@Service
class WaitingPriorityService {

    static final String ENTITY = "waiting_priority_rule";

    private final WaitingPriorityStore store;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    WaitingPriorityService(WaitingPriorityStore store, Regions regions, AuditLog audit, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The districts the user may look at: those inside their scope, or the district their region lies in. */
    @Transactional(readOnly = true)
    List<RegionView> districts(CurrentUser user) {
        List<RegionView> within = regions.within(user.scope(), RegionLevel.DISTRICT);
        if (!within.isEmpty()) {
            return within.stream().sorted(Comparator.comparing(RegionView::code)).toList();
        }
        return regions.find(districtOf(user.getRegionCode())).map(List::of).orElse(List.of());
    }

    static String districtOf(String regionCode) {
        return regionCode == null || regionCode.length() < 6 ? "" : regionCode.substring(0, 6) + "000000";
    }

    @Transactional(readOnly = true)
    WaitingPriorityStore.Order inForce(String districtCode) {
        return store.inForce(districtCode, today());
    }

    @Transactional(readOnly = true)
    List<WaitingPriorityStore.Order> orders(String districtCode) {
        return store.orders(districtCode);
    }

    /** Whether the user may set the district's order: district staff of that district. */
    boolean mayChange(String districtCode, CurrentUser user) {
        return user.getRole() == org.yinling.account.Role.DISTRICT_STAFF && user.scope().contains(districtCode);
    }

    /**
     * Saves the district's order from {@code effectiveFrom}: {@code ranks} give each rule of {@code rules} its place
     * (1–6, each once). False with errors otherwise; nothing is written then.
     */
    @Transactional
    @PreAuthorize("hasRole('DISTRICT_STAFF')")
    boolean reorder(String districtCode, String effectiveFrom, List<String> rules, List<String> ranks,
                    CurrentUser user, Errors errors) {
        if (districtCode == null || !mayChange(districtCode, user)
                || regions.find(districtCode).filter(r -> r.level() == RegionLevel.DISTRICT).isEmpty()) {
            errors.reject("waiting.priority.regionInvalid");
            return false;
        }
        LocalDate from = parseDate(effectiveFrom);
        if (from == null) {
            errors.reject("waiting.priority.dateInvalid");
        }
        else if (from.isBefore(today())) {
            errors.reject("waiting.priority.datePast");
        }
        Optional<List<WaitingCategory>> order = order(rules, ranks);
        if (order.isEmpty()) {
            errors.reject("waiting.priority.ranksInvalid", new Object[] {WaitingCategory.rules().size()}, null);
        }
        if (errors.hasErrors()) {
            return false;
        }
        List<WaitingCategory> before = store.inForce(districtCode, from).rules();
        store.save(districtCode, from, order.get(), user.getUsername());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", districtCode);
        details.put("from", from.toString());
        details.put("order", order.get().stream().map(Enum::name).toList());
        details.put("before", before.stream().map(Enum::name).toList());
        audit.record("WAITING_PRIORITY_SET", ENTITY, null, details);
        return true;
    }

    /** The rules sorted by their typed places, when every rule has a distinct place 1 … n. */
    static Optional<List<WaitingCategory>> order(List<String> rules, List<String> ranks) {
        List<WaitingCategory> all = WaitingCategory.rules();
        if (rules == null || ranks == null || rules.size() != all.size() || ranks.size() != all.size()) {
            return Optional.empty();
        }
        WaitingCategory[] placed = new WaitingCategory[all.size()];
        Set<WaitingCategory> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            String name = rules.get(i);
            WaitingCategory rule = all.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
            String typed = ranks.get(i) == null ? "" : ranks.get(i).strip();
            if (rule == null || !seen.add(rule) || !typed.matches("[0-9]{1,2}")) {
                return Optional.empty();
            }
            int rank = Integer.parseInt(typed);
            if (rank < 1 || rank > all.size() || placed[rank - 1] != null) {
                return Optional.empty();
            }
            placed[rank - 1] = rule;
        }
        return Optional.of(new ArrayList<>(List.of(placed)));
    }

    private static LocalDate parseDate(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        }
        catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
