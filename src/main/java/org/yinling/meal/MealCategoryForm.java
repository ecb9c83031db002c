package org.yinling.meal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.yinling.subsidy.rule.Connective;
import org.yinling.subsidy.rule.CriteriaForm;

/**
 * A region's new list of meal categories from a date: up to {@value #SLOTS} categories in order, each with its names,
 * its subsidy per meal and its criteria (the shared criteria editor; no criteria: every elder not matched before).
 *
 * @param regionCode blank for the city's default list (the administrator's)
 */
public record MealCategoryForm(String regionCode, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
                               List<Slot> categories) {

    static final int SLOTS = 8;
    static final int GROUP_SLOTS = 2;
    static final int ROW_SLOTS = 3;

    public MealCategoryForm {
        List<Slot> padded = new ArrayList<>();
        if (categories != null) {
            categories.forEach(slot -> padded.add(slot == null ? Slot.blank() : slot));
        }
        while (padded.size() < SLOTS) {
            padded.add(Slot.blank());
        }
        categories = padded;
        regionCode = regionCode == null ? "" : regionCode;
    }

    /** One category: names, amount as typed, criteria. */
    public record Slot(String nameZh, String nameEn, String amount, CriteriaForm criteria) {
        public Slot {
            criteria = pad(criteria == null ? new CriteriaForm(Connective.AND, null) : criteria);
        }

        static Slot blank() {
            return new Slot("", "", "", null);
        }

        static Slot of(MealCategory category) {
            return new Slot(category.nameZh(), category.nameEn(), category.amount().toPlainString(),
                    CriteriaForm.of(category.criteria(), GROUP_SLOTS, ROW_SLOTS));
        }

        boolean isBlank() {
            return trim(nameZh).isEmpty() && trim(nameEn).isEmpty() && trim(amount).isEmpty() && criteria.isBlank();
        }

        /** The amount typed, or null when it is no amount of at most two decimals up to 1000. */
        BigDecimal amountOrNull() {
            String text = trim(amount);
            if (!text.matches("\\d{1,4}(\\.\\d{1,2})?") || new BigDecimal(text).compareTo(new BigDecimal("1000")) > 0) {
                return null;
            }
            return new BigDecimal(text);
        }

        private static CriteriaForm pad(CriteriaForm form) {
            List<CriteriaForm.Group> groups = new ArrayList<>();
            if (form.groups() != null) {
                for (CriteriaForm.Group group : form.groups()) {
                    CriteriaForm.Group g = group == null ? new CriteriaForm.Group(Connective.AND, null) : group;
                    groups.add(g.criteria().size() >= ROW_SLOTS ? g
                            : CriteriaForm.Group.padded(g.connective(), g.criteria(), ROW_SLOTS));
                }
            }
            while (groups.size() < GROUP_SLOTS) {
                groups.add(CriteriaForm.Group.padded(Connective.AND, List.of(), ROW_SLOTS));
            }
            return new CriteriaForm(form.connective(), groups);
        }
    }

    static MealCategoryForm of(String regionCode, LocalDate from, List<MealCategory> list) {
        return new MealCategoryForm(regionCode, from, list.stream().map(Slot::of).toList());
    }

    static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
