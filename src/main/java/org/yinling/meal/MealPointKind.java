package org.yinling.meal;

/** 社区老年食堂, 助餐点, or a central kitchen that delivers. */
public enum MealPointKind {
    CANTEEN, MEAL_POINT, CENTRAL_KITCHEN;

    public String messageKey() {
        return "meal.kind." + name();
    }
}
