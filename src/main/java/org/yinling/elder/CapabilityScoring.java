package org.yinling.elder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scoring rules of the older-adult capability assessment, GB/T 42195-2022.
 *
 * <p>The 26 item scores are summed (0–90) and the total mapped to a base {@link CapabilityLevel}. The
 * base level is then adjusted:
 * <ul>
 *   <li>in a coma (昏迷): complete disability regardless of the scores;</li>
 *   <li>diagnosed dementia or another mental and behavioural disorder: one level worse;</li>
 *   <li>{@value #RISK_EVENT_THRESHOLD} or more care risk events (fall, choking, self-harm, wandering …)
 *       in the last 30 days: one level worse.</li>
 * </ul>
 * The two one-level adjustments do not stack: either or both raise the level by one, never beyond complete
 * disability. GB/T 42195-2022, the note to the level table (能力等级划分): "处于昏迷状态者，直接评定为能力完全丧失
 * …… 有以下情况之一者，在原有能力级别上提高一个级别：a) 确诊为痴呆（F00～F03）、精神科专科医生诊断的其他精神和行为
 * 障碍疾病（F04～F99）；b) 近 30 天内发生过 2 次及以上照护风险事件（如跌倒、噎食、自杀、自伤、走失等）". "之一 …
 * 提高一个级别" is one level for any one of the conditions, not one per condition (checked for issue 21 §5 against
 * the standard's wording as published in its interpretations; until then the code stacked them to two levels).
 */
public final class CapabilityScoring {

    public static final String ADJUSTMENT_COMA = "assessment.adjustment.coma";
    public static final String ADJUSTMENT_DEMENTIA_OR_MENTAL_DISORDER = "assessment.adjustment.dementiaOrMentalDisorder";
    public static final String ADJUSTMENT_RISK_EVENTS = "assessment.adjustment.riskEvents";

    /** Risk events in the last 30 days from which the level is made one worse. */
    public static final int RISK_EVENT_THRESHOLD = 2;

    private CapabilityScoring() {
    }

    /**
     * Outcome of an assessment.
     *
     * @param total          sum of all item scores, 0–90
     * @param groupTotals    sum per group, for every group
     * @param baseLevel      the level the total alone maps to
     * @param level          the final level after adjustments
     * @param adjustmentKeys message keys of the adjustment rules that applied, in rule order; empty if none.
     *                       Coma supersedes the other rules, so it is then the only key.
     */
    public record AssessmentResult(int total, Map<AssessmentGroup, Integer> groupTotals,
                                   CapabilityLevel baseLevel, CapabilityLevel level, List<String> adjustmentKeys) {

        public AssessmentResult {
            Objects.requireNonNull(groupTotals, "groupTotals");
            Objects.requireNonNull(baseLevel, "baseLevel");
            Objects.requireNonNull(level, "level");
            EnumMap<AssessmentGroup, Integer> totals = new EnumMap<>(AssessmentGroup.class);
            totals.putAll(groupTotals);
            groupTotals = Collections.unmodifiableMap(totals);
            adjustmentKeys = List.copyOf(adjustmentKeys);
        }

        public boolean adjusted() {
            return !adjustmentKeys.isEmpty();
        }
    }

    /**
     * Scores a complete assessment.
     *
     * @param scores                   a score for every {@link AssessmentItem}
     * @param coma                     the person is in a coma
     * @param dementiaOrMentalDisorder diagnosed dementia, or another mental and behavioural disorder diagnosed
     *                                 by a psychiatrist
     * @param riskEventsIn30Days       care risk events in the last 30 days
     * @throws IllegalArgumentException naming the item if a score is missing or outside the item's range,
     *                                  or if {@code riskEventsIn30Days} is negative
     */
    public static AssessmentResult score(Map<AssessmentItem, Integer> scores, boolean coma,
                                         boolean dementiaOrMentalDisorder, int riskEventsIn30Days) {
        Objects.requireNonNull(scores, "scores");
        if (riskEventsIn30Days < 0) {
            throw new IllegalArgumentException("riskEventsIn30Days must not be negative: " + riskEventsIn30Days);
        }

        Map<AssessmentGroup, Integer> groupTotals = new EnumMap<>(AssessmentGroup.class);
        for (AssessmentGroup group : AssessmentGroup.values()) {
            groupTotals.put(group, 0);
        }
        int total = 0;
        for (AssessmentItem item : AssessmentItem.values()) {
            int score = validScore(item, scores.get(item));
            groupTotals.merge(item.group(), score, Integer::sum);
            total += score;
        }

        CapabilityLevel baseLevel = levelForTotal(total);
        List<String> adjustmentKeys = new ArrayList<>();
        CapabilityLevel level;
        if (coma) {
            adjustmentKeys.add(ADJUSTMENT_COMA);
            level = CapabilityLevel.COMPLETE_DISABILITY;
        } else {
            if (dementiaOrMentalDisorder) {
                adjustmentKeys.add(ADJUSTMENT_DEMENTIA_OR_MENTAL_DISORDER);
            }
            if (riskEventsIn30Days >= RISK_EVENT_THRESHOLD) {
                adjustmentKeys.add(ADJUSTMENT_RISK_EVENTS);
            }
            // any one of the conditions raises the level by one; both together still by one (GB/T 42195-2022)
            level = baseLevel.worsenedBy(adjustmentKeys.isEmpty() ? 0 : 1);
        }
        return new AssessmentResult(total, groupTotals, baseLevel, level, adjustmentKeys);
    }

    /**
     * The level a total maps to before adjustments: 90 intact, 66–89 mild, 46–65 moderate, 30–45 severe,
     * 0–29 complete disability.
     *
     * @throws IllegalArgumentException unless {@code total} is 0–90
     */
    public static CapabilityLevel levelForTotal(int total) {
        for (CapabilityLevel level : CapabilityLevel.values()) {
            if (total >= level.minTotal() && total <= level.maxTotal()) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "Total must be 0.." + AssessmentGroup.OVERALL_MAX_TOTAL + ": " + total);
    }

    private static int validScore(AssessmentItem item, Integer score) {
        if (score == null) {
            throw new IllegalArgumentException("Missing score for assessment item " + item);
        }
        if (!item.accepts(score)) {
            throw new IllegalArgumentException("Score " + score + " for assessment item " + item
                    + " is outside " + item.minScore() + ".." + item.maxScore());
        }
        return score;
    }
}
