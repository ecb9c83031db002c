package org.yinling.homecare;

/** What a price is for: a visit (次) or an hour (小时). */
public enum ItemUnit {
    VISIT, HOUR;

    public String messageKey() {
        return "homecare.item.unit." + name();
    }
}
