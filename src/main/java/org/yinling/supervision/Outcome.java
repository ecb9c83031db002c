package org.yinling.supervision;

/** An inspected item's result. */
public enum Outcome {
    PASS, FAIL, NOT_APPLICABLE;

    public String messageKey() {
        return "supervision.outcome." + name();
    }
}
