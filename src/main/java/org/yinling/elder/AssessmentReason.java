package org.yinling.elder;

/** Why an assessment was made: first, routine, immediate (after a change of condition), or re-assessment on request. */
public enum AssessmentReason {
    FIRST, ROUTINE, IMMEDIATE, REASSESSMENT;

    public String messageKey() {
        return "elder.assessmentReason." + name();
    }
}
