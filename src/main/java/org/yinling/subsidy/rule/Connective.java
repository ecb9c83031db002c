package org.yinling.subsidy.rule;

/** How the members of a group (or the groups of a rule) combine. */
public enum Connective {
    AND, OR;

    public String messageKey() {
        return "subsidy.connective." + name();
    }
}
