package org.yinling.elder;

import static org.yinling.elder.AssessmentGroup.BASIC_MOBILITY;
import static org.yinling.elder.AssessmentGroup.MENTAL_STATE;
import static org.yinling.elder.AssessmentGroup.PERCEPTION_AND_SOCIAL_PARTICIPATION;
import static org.yinling.elder.AssessmentGroup.SELF_CARE;

import java.util.List;
import java.util.stream.Stream;

/**
 * The 26 second-level indicators (二级指标) of GB/T 42195-2022, in the order of the standard's form.
 * Each is scored from 0 to {@link #maxScore()}; higher means more able.
 */
public enum AssessmentItem {

    EATING(SELF_CARE, "eating", 4),                                  // 进食
    GROOMING(SELF_CARE, "grooming", 4),                              // 修饰
    BATHING(SELF_CARE, "bathing", 4),                                // 洗澡
    DRESSING_UPPER(SELF_CARE, "dressingUpper", 4),                   // 穿/脱上衣
    DRESSING_LOWER(SELF_CARE, "dressingLower", 4),                   // 穿/脱裤子和鞋袜
    URINATION_CONTROL(SELF_CARE, "urinationControl", 4),             // 小便控制
    DEFECATION_CONTROL(SELF_CARE, "defecationControl", 4),           // 大便控制
    TOILETING(SELF_CARE, "toileting", 4),                            // 如厕

    BED_POSITION_TRANSFER(BASIC_MOBILITY, "bedPositionTransfer", 4), // 床上体位转移
    BED_CHAIR_TRANSFER(BASIC_MOBILITY, "bedChairTransfer", 4),       // 床椅转移
    WALKING_ON_LEVEL_GROUND(BASIC_MOBILITY, "walkingOnLevelGround", 4), // 平地行走
    STAIRS(BASIC_MOBILITY, "stairs", 3),                             // 上下楼梯

    TIME_ORIENTATION(MENTAL_STATE, "timeOrientation", 4),            // 时间定向
    PLACE_ORIENTATION(MENTAL_STATE, "placeOrientation", 4),          // 空间定向
    PERSON_ORIENTATION(MENTAL_STATE, "personOrientation", 4),        // 人物定向
    MEMORY(MENTAL_STATE, "memory", 4),                               // 记忆
    COMPREHENSION(MENTAL_STATE, "comprehension", 4),                 // 理解能力
    EXPRESSION(MENTAL_STATE, "expression", 4),                       // 表达能力
    AGGRESSIVE_BEHAVIOUR(MENTAL_STATE, "aggressiveBehaviour", 1),    // 攻击行为
    DEPRESSIVE_SYMPTOMS(MENTAL_STATE, "depressiveSymptoms", 1),      // 抑郁症状
    CONSCIOUSNESS_LEVEL(MENTAL_STATE, "consciousnessLevel", 2),      // 意识水平

    VISION(PERCEPTION_AND_SOCIAL_PARTICIPATION, "vision", 2),        // 视力
    HEARING(PERCEPTION_AND_SOCIAL_PARTICIPATION, "hearing", 2),      // 听力
    DAILY_AFFAIRS(PERCEPTION_AND_SOCIAL_PARTICIPATION, "dailyAffairs", 4), // 执行日常事务
    GOING_OUT_BY_TRANSPORT(PERCEPTION_AND_SOCIAL_PARTICIPATION, "goingOutByTransport", 3), // 使用交通工具外出
    SOCIAL_INTERACTION(PERCEPTION_AND_SOCIAL_PARTICIPATION, "socialInteraction", 4); // 社会交往能力

    private final AssessmentGroup group;
    private final String messageKey;
    private final int maxScore;

    AssessmentItem(AssessmentGroup group, String keySuffix, int maxScore) {
        this.group = group;
        this.messageKey = "assessment.item." + keySuffix;
        this.maxScore = maxScore;
    }

    public AssessmentGroup group() {
        return group;
    }

    public String messageKey() {
        return messageKey;
    }

    public int minScore() {
        return 0;
    }

    public int maxScore() {
        return maxScore;
    }

    public boolean accepts(int score) {
        return score >= minScore() && score <= maxScore;
    }

    /** The items of {@code group}, in form order. */
    public static List<AssessmentItem> of(AssessmentGroup group) {
        return Stream.of(values()).filter(item -> item.group == group).toList();
    }
}
