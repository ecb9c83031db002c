package org.yinling.elder;

/**
 * Sex as recorded in a resident identity number (GB 11643-1999: odd 17th digit = male, even = female).
 */
public enum Sex {

    MALE,
    FEMALE;

    /** UI message key, e.g. {@code elder.sex.male}. */
    public String messageKey() {
        return "elder.sex." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
