package org.yinling.institution;

/** How an institution provides medical care, weakest first: the order is what the seed 002 rule compares. */
public enum MedicalArrangement {
    NONE, AGREEMENT, OWN_CLINIC, MEDICAL_INSTITUTION;

    public String messageKey() {
        return "institution.medical." + name();
    }

    /**
     * Seed 002: up to 100 beds need at least a cooperation agreement with a medical institution, 101–500 beds their
     * own clinic (医务室), more than 500 an independent medical institution.
     */
    public static MedicalArrangement requiredFor(int beds) {
        if (beds > 500) {
            return MEDICAL_INSTITUTION;
        }
        return beds > 100 ? OWN_CLINIC : AGREEMENT;
    }

    public boolean sufficientFor(int beds) {
        return compareTo(requiredFor(beds)) >= 0;
    }
}
