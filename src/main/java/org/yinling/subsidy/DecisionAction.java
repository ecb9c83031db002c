package org.yinling.subsidy;

/** A step in the insert-only decision log of an application. */
public enum DecisionAction {
    SUBMIT, RESUBMIT, APPROVE, REJECT, RETURN, CONCLUDE, WITHDRAW;

    public String messageKey() {
        return "subsidy.action." + name();
    }
}
