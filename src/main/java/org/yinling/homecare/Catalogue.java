package org.yinling.homecare;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.Regions;

/** Keeps the catalogue and its prices: a price is never set for a day already past. */
@Service
class Catalogue {

    private final CatalogueStore store;
    private final Regions regions;
    private final AuditLog audit;
    private final Clock clock;

    Catalogue(CatalogueStore store, Regions regions, AuditLog audit, Clock clock) {
        this.store = store;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Why a new price is refused; each has a message key. */
    enum PriceProblem {
        /** The date is before today: the past is never repriced. */
        PAST,
        /** The region is not the district, one of its streets or communities. */
        REGION,
        /** The price is missing, negative or too large. */
        AMOUNT,
        /** The item has a price for the region from that date already. */
        DUPLICATE;

        String messageKey() {
            return "homecare.price." + name();
        }
    }

    @Transactional
    @PreAuthorize(Providers.DISTRICT_STAFF)
    Optional<Long> create(ItemForm form, CurrentUser user, Errors errors) {
        checkCode(form, null, errors);
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        long id = store.insert(form, user.getUsername());
        audit.record("HOME_CARE_ITEM_CREATED", "home_care_item", id, Map.of("after", snapshot(form)));
        return Optional.of(id);
    }

    @Transactional
    @PreAuthorize(Providers.DISTRICT_STAFF)
    boolean update(CatalogueItem before, ItemForm form, CurrentUser user, Errors errors) {
        checkCode(form, before.id(), errors);
        if (!errors.hasErrors() && !store.update(before.id(), form, user.getUsername())) {
            errors.reject("form.concurrentEdit");
        }
        if (errors.hasErrors()) {
            return false;
        }
        audit.record("HOME_CARE_ITEM_UPDATED", "home_care_item", before.id(),
                Map.of("before", snapshot(ItemForm.of(before)), "after", snapshot(form)));
        return true;
    }

    /** Adds a price of the item for a region of the user's district from a date; the problem when refused. */
    @Transactional
    @PreAuthorize(Providers.DISTRICT_STAFF)
    Optional<PriceProblem> addPrice(CatalogueItem item, String regionCode, LocalDate from, BigDecimal price,
                                    CurrentUser user) {
        if (from == null || from.isBefore(LocalDate.now(clock))) {
            return Optional.of(PriceProblem.PAST);
        }
        if (regionCode == null || !user.scope().contains(regionCode) || regions.find(regionCode).isEmpty()) {
            return Optional.of(PriceProblem.REGION);
        }
        if (price == null || price.signum() < 0 || price.compareTo(new BigDecimal("99999999")) > 0 || price.scale() > 2) {
            return Optional.of(PriceProblem.AMOUNT);
        }
        if (!store.addPrice(item.id(), regionCode, from, price, user.getUsername())) {
            return Optional.of(PriceProblem.DUPLICATE);
        }
        audit.record("HOME_CARE_PRICE_ADDED", "home_care_item", item.id(),
                Map.of("region", regionCode, "from", from.toString(), "price", price.toPlainString()));
        return Optional.empty();
    }

    private void checkCode(ItemForm form, Long id, Errors errors) {
        if (!errors.hasFieldErrors("code") && form.code() != null && store.codeTaken(form.code(), id)) {
            errors.rejectValue("code", "homecare.item.code.taken");
        }
    }

    private static Map<String, Object> snapshot(ItemForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", form.code());
        values.put("name", form.name());
        values.put("category", String.valueOf(form.category()));
        values.put("unit", String.valueOf(form.unit()));
        values.put("standardMinutes", form.standardMinutes());
        values.put("requiredPercent", form.requiredPercent());
        values.put("active", Boolean.TRUE.equals(form.active()));
        return values;
    }
}
