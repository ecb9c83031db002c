package org.yinling.supervision;

/** Which admissions an open red finding pauses (the district's setting). */
public enum AdmissionPause {
    /** none */
    NONE,
    /** admissions from the institution's waiting list */
    WAITING_LIST,
    /** every admission, from the waiting list or direct */
    ALL;

    public String messageKey() {
        return "supervision.settings.pause." + name();
    }
}
