package org.yinling.meal;

/**
 * The subsidy category of an elder on the day of a meal: 特困 or 低保 first, else 80 and over, else 60–79. The same
 * rule in SQL is {@link #SQL} over {@code elder e} and a date parameter.
 */
public enum MealCategory {
    POVERTY, AGE_80, AGE_60;

    static final String SQL = "CASE WHEN e.economic_status IN ('EXTREME_POVERTY', 'MINIMUM_LIVING') THEN 'POVERTY' "
            + "WHEN e.birth_date <= CAST(? AS date) - INTERVAL '80 years' THEN 'AGE_80' ELSE 'AGE_60' END";

    public String messageKey() {
        return "meal.category." + name();
    }
}
