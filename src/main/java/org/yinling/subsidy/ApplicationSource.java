package org.yinling.subsidy;

/** Registered by a community clerk, or created by an automatic enrolment run (免申即享). */
public enum ApplicationSource {
    COMMUNITY, AUTOMATIC;

    public String messageKey() {
        return "subsidy.source." + name();
    }
}
