package org.yinling.dashboard;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One field of a statistics layout: a code the receiving system keys on (stable within its layout version), its
 * Chinese and English name, what it counts and as of when, its unit, and how its value is read from a region's month
 * ({@link MonthStatistics}). The value is a {@code Long} for counts, a {@code BigDecimal} otherwise, or null where it
 * is undefined (a rate of nobody).
 */
record StatisticsField(String code, String nameZh, String nameEn, StatisticsUnit unit, String definitionZh,
                       String definitionEn, Function<MonthStatistics, Object> value) {

    StatisticsField {
        Objects.requireNonNull(code);
        Objects.requireNonNull(value);
    }

    String name(Locale locale) {
        return english(locale) ? nameEn : nameZh;
    }

    String definition(Locale locale) {
        return english(locale) ? definitionEn : definitionZh;
    }

    Object valueOf(MonthStatistics month) {
        return value.apply(month);
    }

    /** The field's description without its value function: what a layout pins (see {@code StatisticsLayoutTest}). */
    String describe() {
        return String.join("|", code, nameZh, nameEn, unit.name(), definitionZh, definitionEn);
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
