package org.yinling.institution;

/** Who pays for a stay. */
public enum Payer {
    SELF, FAMILY, GOVERNMENT, OTHER;

    public String messageKey() {
        return "institution.payer." + name();
    }
}
