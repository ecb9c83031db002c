package org.yinling.meal;

/** Lunch or dinner. */
public enum MealKind {
    LUNCH, DINNER;

    public String messageKey() {
        return "meal.meal." + name();
    }
}
