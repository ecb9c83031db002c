package org.yinling.elder;

/**
 * The four first-level indicators (一级指标) of the older-adult capability assessment, GB/T 42195-2022.
 * Together they are worth {@link #OVERALL_MAX_TOTAL} points; higher means more able.
 */
public enum AssessmentGroup {

    /** 自理能力 */
    SELF_CARE("selfCare", 32),
    /** 基础运动能力 */
    BASIC_MOBILITY("basicMobility", 15),
    /** 精神状态 */
    MENTAL_STATE("mentalState", 28),
    /** 感知觉与社会参与 */
    PERCEPTION_AND_SOCIAL_PARTICIPATION("perceptionAndSocialParticipation", 15);

    public static final int OVERALL_MAX_TOTAL = 90;

    private final String messageKey;
    private final int maxTotal;

    AssessmentGroup(String keySuffix, int maxTotal) {
        this.messageKey = "assessment.group." + keySuffix;
        this.maxTotal = maxTotal;
    }

    public String messageKey() {
        return messageKey;
    }

    /** Highest possible sum of this group's item scores, as stated by the standard. */
    public int maxTotal() {
        return maxTotal;
    }
}
