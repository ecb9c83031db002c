package org.yinling.visit;

/** The unit of a visit frequency: every n weeks or every n months. */
public enum IntervalUnit {
    WEEK, MONTH;

    public String messageKey() {
        return "visit.unit." + name();
    }
}
