package org.yinling.meal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.yinling.subsidy.rule.Eligibility;
import org.yinling.subsidy.rule.RuleCompiler;
import org.yinling.subsidy.rule.SqlFragment;

/**
 * A meal category of a region's list from a date (V43): its place in the list, its name in both languages, its
 * criteria over the elder's attributes (the subsidy policies' rule language) and its subsidy per meal. The first
 * category of the list in force whose criteria the elder meets on the day is the meal's; a meal keeps that row.
 */
public record MealCategory(long id, int position, String nameZh, String nameEn, Eligibility criteria,
                           BigDecimal amount) {

    /** The name in the user's language (the Chinese one when no English name was typed). */
    public String name(Locale locale) {
        return label().name(locale);
    }

    public Label label() {
        return new Label(nameZh, nameEn);
    }

    /** A category's name as a meal shows it. */
    public record Label(String nameZh, String nameEn) {
        public String name(Locale locale) {
            boolean english = locale != null && "en".equals(locale.getLanguage());
            return english && nameEn != null && !nameEn.isBlank() ? nameEn : nameZh;
        }

        static Label of(String nameZh, String nameEn) {
            return nameZh == null ? null : new Label(nameZh, nameEn);
        }
    }

    /**
     * The id of the first category of {@code list} that the elder {@code e} meets on {@code day}, or NULL: one CASE
     * over the compiled criteria (every value a bound parameter).
     */
    static SqlFragment firstMatch(List<MealCategory> list, LocalDate day) {
        if (list.isEmpty()) {
            return SqlFragment.of("CAST(NULL AS bigint)");
        }
        List<SqlFragment> whens = new ArrayList<>();
        for (MealCategory category : list) {
            whens.add(SqlFragment.of("WHEN ").then("", RuleCompiler.eligibility(category.criteria(), day))
                    .then(" THEN ", SqlFragment.of("CAST(? AS bigint)", category.id())));
        }
        return SqlFragment.of("(CASE ").then("", SqlFragment.join(" ", whens)).then(" ", SqlFragment.of("END)"));
    }
}
