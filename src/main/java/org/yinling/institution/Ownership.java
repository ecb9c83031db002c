package org.yinling.institution;

/** Public, private, or publicly built and privately run (公建民营). */
public enum Ownership {
    PUBLIC, PRIVATE, PUBLIC_BUILT_PRIVATE_RUN;

    public String messageKey() {
        return "institution.ownership." + name();
    }
}
