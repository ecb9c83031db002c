package org.yinling.visit;

/** What a visitor found in one area: fine, a concern, or urgent (an alert to the street and district at once). */
public enum Finding {
    FINE, CONCERN, URGENT;

    public String messageKey() {
        return "visit.finding." + name();
    }

    /** A concern or urgent finding may start a follow-up. */
    public boolean needsAction() {
        return this != FINE;
    }
}
