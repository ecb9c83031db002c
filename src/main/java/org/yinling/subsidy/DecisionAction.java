package org.yinling.subsidy;

/** A step in the insert-only decision log of an application. */
public enum DecisionAction {
    SUBMIT, RESUBMIT, APPROVE, REJECT, RETURN, CONCLUDE, WITHDRAW;

    /** The decisions of the review form (the decision endpoint); the others are steps the workflow itself writes. */
    public boolean isReviewDecision() {
        return this == APPROVE || this == REJECT || this == RETURN;
    }

    public String messageKey() {
        return "subsidy.action." + name();
    }
}
