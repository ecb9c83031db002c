package org.yinling.elder;

/** Why an assessment is reviewed by a re-assessment: the elder or family asked, or they dispute the result. */
public enum ReviewCause {
    REQUEST, DISPUTE;

    public String messageKey() {
        return "assessment.reviewCause." + name();
    }
}
