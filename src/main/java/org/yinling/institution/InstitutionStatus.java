package org.yinling.institution;

/** Whether the institution operates. */
public enum InstitutionStatus {
    OPERATING, SUSPENDED, CLOSED;

    public String messageKey() {
        return "institution.status." + name();
    }
}
