package org.yinling.homecare;

/** 助餐 助浴 助洁 助行 助急 助医 康复 精神慰藉 家政. */
public enum ItemCategory {
    MEAL, BATH, CLEANING, MOBILITY, EMERGENCY, MEDICAL, REHABILITATION, COMPANIONSHIP, HOUSEKEEPING;

    public String messageKey() {
        return "homecare.item.category." + name();
    }
}
