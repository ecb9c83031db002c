package org.yinling.subsidy;

/** The filters of the policy list. */
public record PolicySearch(String q, PolicyKind kind, PolicyStatus status, Integer page) {
}
