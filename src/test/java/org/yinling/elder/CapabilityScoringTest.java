package org.yinling.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.yinling.elder.AssessmentGroup.BASIC_MOBILITY;
import static org.yinling.elder.AssessmentGroup.MENTAL_STATE;
import static org.yinling.elder.AssessmentGroup.PERCEPTION_AND_SOCIAL_PARTICIPATION;
import static org.yinling.elder.AssessmentGroup.SELF_CARE;
import static org.yinling.elder.CapabilityLevel.COMPLETE_DISABILITY;
import static org.yinling.elder.CapabilityLevel.INTACT;
import static org.yinling.elder.CapabilityLevel.MILD_DISABILITY;
import static org.yinling.elder.CapabilityLevel.MODERATE_DISABILITY;
import static org.yinling.elder.CapabilityLevel.SEVERE_DISABILITY;
import static org.yinling.elder.CapabilityScoring.ADJUSTMENT_COMA;
import static org.yinling.elder.CapabilityScoring.ADJUSTMENT_DEMENTIA_OR_MENTAL_DISORDER;
import static org.yinling.elder.CapabilityScoring.ADJUSTMENT_RISK_EVENTS;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yinling.elder.CapabilityScoring.AssessmentResult;

class CapabilityScoringTest {

    private static Map<AssessmentItem, Integer> scores(ToIntFunction<AssessmentItem> scoreOf) {
        Map<AssessmentItem, Integer> scores = new EnumMap<>(AssessmentItem.class);
        for (AssessmentItem item : AssessmentItem.values()) {
            scores.put(item, scoreOf.applyAsInt(item));
        }
        return scores;
    }

    private static Map<AssessmentItem, Integer> fullMarks() {
        return scores(AssessmentItem::maxScore);
    }

    /** Valid item scores adding up to {@code total}: full marks, with points taken off from the last items. */
    private static Map<AssessmentItem, Integer> scoresAddingUpTo(int total) {
        Map<AssessmentItem, Integer> scores = fullMarks();
        int deficit = AssessmentGroup.OVERALL_MAX_TOTAL - total;
        List<AssessmentItem> items = new ArrayList<>(scores.keySet());
        for (int i = items.size() - 1; i >= 0 && deficit > 0; i--) {
            AssessmentItem item = items.get(i);
            int taken = Math.min(item.maxScore(), deficit);
            scores.put(item, item.maxScore() - taken);
            deficit -= taken;
        }
        return scores;
    }

    private static AssessmentResult scoreWithoutAdjustments(Map<AssessmentItem, Integer> scores) {
        return CapabilityScoring.score(scores, false, false, 0);
    }

    @Nested
    class LevelForTotal {

        @ParameterizedTest
        @CsvSource({
                "90, INTACT",
                "89, MILD_DISABILITY",
                "66, MILD_DISABILITY",
                "65, MODERATE_DISABILITY",
                "46, MODERATE_DISABILITY",
                "45, SEVERE_DISABILITY",
                "30, SEVERE_DISABILITY",
                "29, COMPLETE_DISABILITY",
                "0, COMPLETE_DISABILITY",
        })
        void boundaries(int total, CapabilityLevel expected) {
            assertThat(CapabilityScoring.levelForTotal(total)).isEqualTo(expected);

            AssessmentResult result = scoreWithoutAdjustments(scoresAddingUpTo(total));
            assertThat(result.total()).isEqualTo(total);
            assertThat(result.baseLevel()).isEqualTo(expected);
            assertThat(result.level()).isEqualTo(expected);
            assertThat(result.adjustmentKeys()).isEmpty();
            assertThat(result.adjusted()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 91, Integer.MIN_VALUE, Integer.MAX_VALUE})
        void rejectsImpossibleTotals(int total) {
            assertThatIllegalArgumentException().isThrownBy(() -> CapabilityScoring.levelForTotal(total));
        }
    }

    @Nested
    class Totals {

        @Test
        void fullMarksAreNinetyAndIntact() {
            AssessmentResult result = scoreWithoutAdjustments(fullMarks());

            assertThat(result.total()).isEqualTo(90);
            assertThat(result.groupTotals()).containsExactly(
                    entry(SELF_CARE, 32),
                    entry(BASIC_MOBILITY, 15),
                    entry(MENTAL_STATE, 28),
                    entry(PERCEPTION_AND_SOCIAL_PARTICIPATION, 15));
            assertThat(result.level()).isEqualTo(INTACT);
        }

        @Test
        void allZeroIsCompleteDisabilityWithEveryGroupPresent() {
            AssessmentResult result = scoreWithoutAdjustments(scores(item -> 0));

            assertThat(result.total()).isZero();
            assertThat(result.groupTotals()).containsOnlyKeys(AssessmentGroup.values()).allSatisfy((g, t) -> assertThat(t).isZero());
            assertThat(result.level()).isEqualTo(COMPLETE_DISABILITY);
        }

        @Test
        void sumsEachGroupSeparately() {
            Map<AssessmentItem, Integer> scores = scores(item -> switch (item) {
                // self-care: 8 × 3 = 24
                case EATING, GROOMING, BATHING, DRESSING_UPPER, DRESSING_LOWER,
                        URINATION_CONTROL, DEFECATION_CONTROL, TOILETING -> 3;
                // mobility: 4 + 4 + 2 + 1 = 11
                case BED_POSITION_TRANSFER, BED_CHAIR_TRANSFER -> 4;
                case WALKING_ON_LEVEL_GROUND -> 2;
                case STAIRS -> 1;
                // mental: 4 + 4 + 4 + 3 + 3 + 2 + 1 + 0 + 2 = 23
                case TIME_ORIENTATION, PLACE_ORIENTATION, PERSON_ORIENTATION -> 4;
                case MEMORY, COMPREHENSION -> 3;
                case EXPRESSION -> 2;
                case AGGRESSIVE_BEHAVIOUR -> 1;
                case DEPRESSIVE_SYMPTOMS -> 0;
                case CONSCIOUSNESS_LEVEL -> 2;
                // perception & social: 2 + 1 + 3 + 2 + 2 = 10
                case VISION -> 2;
                case HEARING -> 1;
                case DAILY_AFFAIRS -> 3;
                case GOING_OUT_BY_TRANSPORT, SOCIAL_INTERACTION -> 2;
            });

            AssessmentResult result = scoreWithoutAdjustments(scores);

            assertThat(result.groupTotals()).containsExactly(
                    entry(SELF_CARE, 24),
                    entry(BASIC_MOBILITY, 11),
                    entry(MENTAL_STATE, 23),
                    entry(PERCEPTION_AND_SOCIAL_PARTICIPATION, 10));
            assertThat(result.total()).isEqualTo(68);
            assertThat(result.level()).isEqualTo(MILD_DISABILITY);
        }

        @Test
        void acceptsAnyMapImplementation() {
            Map<AssessmentItem, Integer> scores = new HashMap<>(fullMarks());

            assertThat(scoreWithoutAdjustments(scores).total()).isEqualTo(90);
        }
    }

    @Nested
    class Adjustments {

        private static final int MILD_TOTAL = 70;

        @Test
        void dementiaOrMentalDisorderMakesItOneLevelWorse() {
            AssessmentResult result = CapabilityScoring.score(scoresAddingUpTo(MILD_TOTAL), false, true, 0);

            assertThat(result.baseLevel()).isEqualTo(MILD_DISABILITY);
            assertThat(result.level()).isEqualTo(MODERATE_DISABILITY);
            assertThat(result.adjustmentKeys()).containsExactly(ADJUSTMENT_DEMENTIA_OR_MENTAL_DISORDER);
            assertThat(result.adjusted()).isTrue();
        }

        @ParameterizedTest
        @CsvSource({
                "0, MILD_DISABILITY",
                "1, MILD_DISABILITY",
                "2, MODERATE_DISABILITY",
                "3, MODERATE_DISABILITY",
                "10, MODERATE_DISABILITY",
        })
        void twoOrMoreRiskEventsMakeItOneLevelWorse(int riskEvents, CapabilityLevel expected) {
            AssessmentResult result = CapabilityScoring.score(scoresAddingUpTo(MILD_TOTAL), false, false, riskEvents);

            assertThat(result.baseLevel()).isEqualTo(MILD_DISABILITY);
            assertThat(result.level()).isEqualTo(expected);
            if (riskEvents >= 2) {
                assertThat(result.adjustmentKeys()).containsExactly(ADJUSTMENT_RISK_EVENTS);
            } else {
                assertThat(result.adjustmentKeys()).isEmpty();
            }
        }

        /** GB/T 42195-2022: "有以下情况之一者，在原有能力级别上提高一个级别": both conditions still raise one level. */
        @Test
        void dementiaAndRiskEventsTogetherRaiseOneLevelOnly() {
            AssessmentResult result = CapabilityScoring.score(scoresAddingUpTo(MILD_TOTAL), false, true, 2);

            assertThat(result.level()).isEqualTo(MODERATE_DISABILITY);
            assertThat(result.adjustmentKeys())
                    .containsExactly(ADJUSTMENT_DEMENTIA_OR_MENTAL_DISORDER, ADJUSTMENT_RISK_EVENTS);
        }

        @Test
        void intactWithBothAdjustmentsBecomesMild() {
            AssessmentResult result = CapabilityScoring.score(fullMarks(), false, true, 5);

            assertThat(result.baseLevel()).isEqualTo(INTACT);
            assertThat(result.level()).isEqualTo(MILD_DISABILITY);
        }

        @ParameterizedTest
        @CsvSource({
                "45, true, 2",  // severe + 2 would be 5
                "29, true, 0",  // complete + 1
                "29, false, 2", // complete + 1
                "0, true, 9",   // complete + 2
        })
        void neverWorseThanCompleteDisability(int total, boolean dementia, int riskEvents) {
            AssessmentResult result = CapabilityScoring.score(scoresAddingUpTo(total), false, dementia, riskEvents);

            assertThat(result.level()).isEqualTo(COMPLETE_DISABILITY);
            assertThat(result.level().code()).isEqualTo(4);
        }

        @Test
        void comaMeansCompleteDisabilityEvenWithFullMarks() {
            AssessmentResult result = CapabilityScoring.score(fullMarks(), true, false, 0);

            assertThat(result.total()).isEqualTo(90);
            assertThat(result.baseLevel()).isEqualTo(INTACT);
            assertThat(result.level()).isEqualTo(COMPLETE_DISABILITY);
            assertThat(result.adjustmentKeys()).containsExactly(ADJUSTMENT_COMA);
        }

        @Test
        void comaSupersedesTheOtherAdjustments() {
            AssessmentResult result = CapabilityScoring.score(scoresAddingUpTo(MILD_TOTAL), true, true, 3);

            assertThat(result.level()).isEqualTo(COMPLETE_DISABILITY);
            assertThat(result.adjustmentKeys()).containsExactly(ADJUSTMENT_COMA);
        }

        @Test
        void adjustmentKeysAreMessageKeys() {
            assertThat(List.of(ADJUSTMENT_COMA, ADJUSTMENT_DEMENTIA_OR_MENTAL_DISORDER, ADJUSTMENT_RISK_EVENTS))
                    .containsExactly("assessment.adjustment.coma",
                            "assessment.adjustment.dementiaOrMentalDisorder",
                            "assessment.adjustment.riskEvents");
        }
    }

    @Nested
    class Validation {

        @ParameterizedTest
        @EnumSource(AssessmentItem.class)
        void rejectsMissingItemNamingIt(AssessmentItem missing) {
            Map<AssessmentItem, Integer> scores = fullMarks();
            scores.remove(missing);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> scoreWithoutAdjustments(scores))
                    .withMessageContaining("Missing")
                    .withMessageContaining(missing.name());
        }

        @Test
        void rejectsNullScoreAsMissing() {
            Map<AssessmentItem, Integer> scores = fullMarks();
            scores.put(AssessmentItem.MEMORY, null);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> scoreWithoutAdjustments(scores))
                    .withMessageContaining("MEMORY");
        }

        @ParameterizedTest
        @EnumSource(AssessmentItem.class)
        void rejectsScoreAboveItemMaximumNamingIt(AssessmentItem item) {
            Map<AssessmentItem, Integer> scores = fullMarks();
            scores.put(item, item.maxScore() + 1);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> scoreWithoutAdjustments(scores))
                    .withMessageContaining(item.name())
                    .withMessageContaining(String.valueOf(item.maxScore() + 1));
        }

        @ParameterizedTest
        @EnumSource(AssessmentItem.class)
        void rejectsNegativeScoreNamingIt(AssessmentItem item) {
            Map<AssessmentItem, Integer> scores = fullMarks();
            scores.put(item, -1);

            assertThatIllegalArgumentException()
                    .isThrownBy(() -> scoreWithoutAdjustments(scores))
                    .withMessageContaining(item.name());
        }

        @Test
        void rejectsNegativeRiskEventCount() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> CapabilityScoring.score(fullMarks(), false, false, -1))
                    .withMessageContaining("riskEventsIn30Days");
        }

        @Test
        void rejectsNullScores() {
            assertThatNullPointerException().isThrownBy(() -> CapabilityScoring.score(null, false, false, 0));
        }
    }

    @Nested
    class Result {

        @Test
        void isImmutable() {
            AssessmentResult result = CapabilityScoring.score(fullMarks(), false, true, 0);

            assertThatThrownBy(() -> result.groupTotals().put(SELF_CARE, 0))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> result.adjustmentKeys().add("x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void copiesItsInputs() {
            Map<AssessmentGroup, Integer> totals = new EnumMap<>(AssessmentGroup.class);
            totals.put(SELF_CARE, 32);
            List<String> keys = new ArrayList<>(List.of(ADJUSTMENT_COMA));

            AssessmentResult result = new AssessmentResult(32, totals, SEVERE_DISABILITY, COMPLETE_DISABILITY, keys);
            totals.put(SELF_CARE, 0);
            keys.clear();

            assertThat(result.groupTotals()).containsExactly(entry(SELF_CARE, 32));
            assertThat(result.adjustmentKeys()).containsExactly(ADJUSTMENT_COMA);
        }
    }
}
