package org.yinling.subsidy;

/** A policy version is edited as a draft, then published; publishing the next version supersedes it. */
public enum PolicyStatus {
    DRAFT, PUBLISHED, SUPERSEDED;

    public String messageKey() {
        return "subsidy.policyStatus." + name();
    }
}
