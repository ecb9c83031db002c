package org.yinling.institution;

/** Size tiers of the construction subsidy (seed 004): under 50 beds, 50–200, more than 200. */
public enum GrantTier {
    SMALL, MEDIUM, LARGE;

    static GrantTier of(int beds) {
        return beds < 50 ? SMALL : beds <= 200 ? MEDIUM : LARGE;
    }

    public String messageKey() {
        return "grant.tier." + name();
    }
}
