package org.yinling.subsidy.rule;

/** Paid every month, or once. */
public enum Frequency {
    MONTHLY, ONE_TIME;

    public String messageKey() {
        return "subsidy.frequency." + name();
    }
}
