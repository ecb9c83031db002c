package org.yinling.meal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.rate.Rates;
import org.yinling.subsidy.rule.Eligibility;

/**
 * Keeps the meal categories: a region's new list from a date not yet past (as rates: the past is never repriced), the
 * city's by the administrator, a district's or a street's by the district.
 */
@Service
class MealCategories {

    private final MealCategoryStore store;
    private final Rates rates;
    private final AuditLog audit;
    private final Clock clock;

    MealCategories(MealCategoryStore store, Rates rates, AuditLog audit, Clock clock) {
        this.store = store;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<MealCategoryStore.CategoryList> lists(CurrentUser user) {
        return store.lists(user.scope(), LocalDate.now(clock));
    }

    /** The list in force for a community on a day (the counter's). */
    @Transactional(readOnly = true)
    List<MealCategory> inForce(String communityCode, LocalDate day) {
        return store.inForce(communityCode, day);
    }

    /** Whether the user may add a list for the region (blank: the city). */
    boolean mayChange(String regionCode, CurrentUser user) {
        return rates.mayChange(regionCode == null || regionCode.isBlank() ? null : regionCode, user);
    }

    /** Adds the list; false with the problems in {@code errors} (nothing written then). */
    @Transactional
    boolean add(MealCategoryForm form, CurrentUser user, Errors errors) {
        if (!mayChange(form.regionCode(), user)) {
            errors.rejectValue("regionCode", "rate.problem.REGION");
        }
        if (form.effectiveFrom() == null || form.effectiveFrom().isBefore(LocalDate.now(clock))) {
            errors.rejectValue("effectiveFrom", "meal.categories.past");
        }
        if (form.categories().size() > MealCategoryForm.SLOTS) {
            errors.reject("meal.categories.tooMany", new Object[] {MealCategoryForm.SLOTS}, null);
            return false;
        }
        List<MealCategoryStore.NewCategory> list = new ArrayList<>();
        for (int i = 0; i < form.categories().size(); i++) {
            MealCategoryForm.Slot slot = form.categories().get(i);
            if (slot.isBlank()) {
                continue;
            }
            String path = "categories[%d].".formatted(i);
            String zh = MealCategoryForm.trim(slot.nameZh());
            String en = MealCategoryForm.trim(slot.nameEn());
            if (zh.isEmpty() || zh.length() > 40) {
                errors.rejectValue(path + "nameZh", "meal.categories.name.invalid");
            }
            if (en.length() > 60) {
                errors.rejectValue(path + "nameEn", "meal.categories.name.invalid");
            }
            BigDecimal amount = slot.amountOrNull();
            if (amount == null) {
                errors.rejectValue(path + "amount", "meal.categories.amount.invalid");
            }
            Eligibility criteria = slot.criteria().check(path + "criteria.", MealCategoryForm.GROUP_SLOTS,
                    MealCategoryForm.ROW_SLOTS, true, errors);
            if (criteria != null && amount != null) {
                list.add(new MealCategoryStore.NewCategory(zh, en.isEmpty() ? zh : en, criteria, amount));
            }
        }
        if (list.isEmpty() && !errors.hasErrors()) {
            errors.reject("meal.categories.empty");
        }
        if (errors.hasErrors()) {
            return false;
        }
        String region = form.regionCode().isBlank() ? null : form.regionCode().strip();
        if (!store.insertList(region, form.effectiveFrom(), list, user.getUsername())) {
            errors.rejectValue("effectiveFrom", "meal.categories.duplicate");
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("region", region == null ? "" : region);
        details.put("from", form.effectiveFrom().toString());
        details.put("categories", list.stream().map(c -> c.nameZh() + " " + c.amount().toPlainString()).toList());
        audit.record("MEAL_CATEGORIES_ADDED", "meal_category", null, details);
        return true;
    }
}
