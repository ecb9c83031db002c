package org.yinling.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A star-rating scheme (data, per region from a date): each section's maximum, the grade thresholds (a total and a
 * share of every section's maximum), the required conditions and how many months a rating stays valid.
 */
record RatingScheme(long id, String source, int validityMonths, Map<RatingSection, BigDecimal> maxima,
                    List<Threshold> thresholds, List<Condition> conditions) {

    /** Grade {@code grade} needs {@code minTotal} points and {@code minSectionPercent} % of each section's maximum. */
    record Threshold(int grade, BigDecimal minTotal, BigDecimal minSectionPercent) {

        /** The least score of a section with this maximum for the grade. */
        public BigDecimal minimum(BigDecimal max) {
            return max.multiply(minSectionPercent).divide(BigDecimal.valueOf(100), 1, RoundingMode.UP);
        }
    }

    record Condition(int position, String nameZh, String nameEn) {

        public String name(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? nameZh : nameEn;
        }
    }

    public BigDecimal maxTotal() {
        return maxima.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * The grade the scores reach: the highest whose total and every section minimum they meet, at most the grade
     * applied for; null when they reach none.
     */
    Integer grade(Map<RatingSection, BigDecimal> scores, int appliedGrade) {
        BigDecimal total = scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Integer best = null;
        for (Threshold t : thresholds.stream().sorted(Comparator.comparingInt(Threshold::grade)).toList()) {
            boolean sections = maxima.entrySet().stream()
                    .allMatch(e -> scores.get(e.getKey()).compareTo(t.minimum(e.getValue())) >= 0);
            if (total.compareTo(t.minTotal()) >= 0 && sections) {
                best = t.grade();
            }
        }
        return best == null ? null : Math.min(best, appliedGrade);
    }
}
