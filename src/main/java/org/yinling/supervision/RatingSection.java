package org.yinling.supervision;

/** The scored sections of a star rating (GB/T 37276-2018): environment, facilities and equipment, operations, services. */
public enum RatingSection {
    ENVIRONMENT, FACILITIES, OPERATIONS, SERVICES;

    public String messageKey() {
        return "supervision.rating.section." + name();
    }
}
