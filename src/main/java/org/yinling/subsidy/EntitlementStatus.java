package org.yinling.subsidy;

/** An entitlement is paid while active; a stopped one keeps its last paid month. */
public enum EntitlementStatus {
    ACTIVE, STOPPED;

    public String messageKey() {
        return "subsidy.entitlementStatus." + name();
    }
}
