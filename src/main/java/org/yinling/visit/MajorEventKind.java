package org.yinling.visit;

/** A major event after which the elder is visited within hours: discharge from hospital, bereavement, a fall. */
public enum MajorEventKind {
    HOSPITAL_DISCHARGE, BEREAVEMENT, FALL, OTHER;

    public String messageKey() {
        return "visit.event." + name();
    }
}
