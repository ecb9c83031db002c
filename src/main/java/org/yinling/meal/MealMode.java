package org.yinling.meal;

/** Eaten at the point or delivered. */
public enum MealMode {
    EAT_IN, DELIVERED;

    public String messageKey() {
        return "meal.mode." + name();
    }
}
