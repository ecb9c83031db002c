package org.yinling.elder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The item, group and level catalogues match GB/T 42195-2022. */
class AssessmentCatalogTest {

    @Test
    void twentySixItemsInFourGroupsWorthNinetyPoints() {
        assertThat(AssessmentItem.values()).hasSize(26);
        assertThat(AssessmentGroup.values()).hasSize(4);
        assertThat(Arrays.stream(AssessmentItem.values()).mapToInt(AssessmentItem::maxScore).sum())
                .isEqualTo(AssessmentGroup.OVERALL_MAX_TOTAL)
                .isEqualTo(90);
        assertThat(Arrays.stream(AssessmentGroup.values()).mapToInt(AssessmentGroup::maxTotal).sum()).isEqualTo(90);
    }

    @ParameterizedTest
    @CsvSource({
            "SELF_CARE, 8, 32",
            "BASIC_MOBILITY, 4, 15",
            "MENTAL_STATE, 9, 28",
            "PERCEPTION_AND_SOCIAL_PARTICIPATION, 5, 15",
    })
    void groupSizesAndMaxima(AssessmentGroup group, int itemCount, int maxTotal) {
        assertThat(AssessmentItem.of(group)).hasSize(itemCount);
        assertThat(group.maxTotal()).isEqualTo(maxTotal);
        assertThat(AssessmentItem.of(group).stream().mapToInt(AssessmentItem::maxScore).sum()).isEqualTo(maxTotal);
    }

    @Test
    void itemsAreListedInFormOrder() {
        assertThat(AssessmentItem.of(AssessmentGroup.SELF_CARE)).containsExactly(
                AssessmentItem.EATING, AssessmentItem.GROOMING, AssessmentItem.BATHING,
                AssessmentItem.DRESSING_UPPER, AssessmentItem.DRESSING_LOWER, AssessmentItem.URINATION_CONTROL,
                AssessmentItem.DEFECATION_CONTROL, AssessmentItem.TOILETING);
        assertThat(AssessmentItem.of(AssessmentGroup.BASIC_MOBILITY)).containsExactly(
                AssessmentItem.BED_POSITION_TRANSFER, AssessmentItem.BED_CHAIR_TRANSFER,
                AssessmentItem.WALKING_ON_LEVEL_GROUND, AssessmentItem.STAIRS);
        assertThat(AssessmentItem.of(AssessmentGroup.MENTAL_STATE)).containsExactly(
                AssessmentItem.TIME_ORIENTATION, AssessmentItem.PLACE_ORIENTATION, AssessmentItem.PERSON_ORIENTATION,
                AssessmentItem.MEMORY, AssessmentItem.COMPREHENSION, AssessmentItem.EXPRESSION,
                AssessmentItem.AGGRESSIVE_BEHAVIOUR, AssessmentItem.DEPRESSIVE_SYMPTOMS,
                AssessmentItem.CONSCIOUSNESS_LEVEL);
        assertThat(AssessmentItem.of(AssessmentGroup.PERCEPTION_AND_SOCIAL_PARTICIPATION)).containsExactly(
                AssessmentItem.VISION, AssessmentItem.HEARING, AssessmentItem.DAILY_AFFAIRS,
                AssessmentItem.GOING_OUT_BY_TRANSPORT, AssessmentItem.SOCIAL_INTERACTION);
    }

    @ParameterizedTest
    @CsvSource({
            "STAIRS, 3",
            "AGGRESSIVE_BEHAVIOUR, 1",
            "DEPRESSIVE_SYMPTOMS, 1",
            "CONSCIOUSNESS_LEVEL, 2",
            "VISION, 2",
            "HEARING, 2",
            "GOING_OUT_BY_TRANSPORT, 3",
            "EATING, 4",
            "SOCIAL_INTERACTION, 4",
    })
    void itemMaxima(AssessmentItem item, int max) {
        assertThat(item.maxScore()).isEqualTo(max);
    }

    @ParameterizedTest
    @EnumSource(AssessmentItem.class)
    void itemAcceptsExactlyZeroToMax(AssessmentItem item) {
        assertThat(item.minScore()).isZero();
        assertThat(item.accepts(-1)).isFalse();
        assertThat(item.accepts(0)).isTrue();
        assertThat(item.accepts(item.maxScore())).isTrue();
        assertThat(item.accepts(item.maxScore() + 1)).isFalse();
    }

    @Test
    void messageKeysAreUniqueAndLanguageNeutral() {
        assertThat(AssessmentItem.EATING.messageKey()).isEqualTo("assessment.item.eating");
        assertThat(AssessmentItem.DRESSING_LOWER.messageKey()).isEqualTo("assessment.item.dressingLower");
        assertThat(AssessmentGroup.SELF_CARE.messageKey()).isEqualTo("assessment.group.selfCare");
        assertThat(CapabilityLevel.INTACT.messageKey()).isEqualTo("assessment.level.intact");

        assertThat(Arrays.stream(AssessmentItem.values()).map(AssessmentItem::messageKey))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("assessment\\.item\\.[a-z][A-Za-z]*"));
        assertThat(Arrays.stream(AssessmentGroup.values()).map(AssessmentGroup::messageKey))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("assessment\\.group\\.[a-z][A-Za-z]*"));
        assertThat(Arrays.stream(CapabilityLevel.values()).map(CapabilityLevel::messageKey))
                .doesNotHaveDuplicates()
                .allMatch(key -> key.matches("assessment\\.level\\.[a-z][A-Za-z]*"));
    }

    @Test
    void levelCodesRunFromZeroToFourInOrder() {
        assertThat(Arrays.stream(CapabilityLevel.values()).mapToInt(CapabilityLevel::code)).containsExactly(0, 1, 2, 3, 4);
        for (CapabilityLevel level : CapabilityLevel.values()) {
            assertThat(CapabilityLevel.fromCode(level.code())).isSameAs(level);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> CapabilityLevel.fromCode(-1));
        assertThatIllegalArgumentException().isThrownBy(() -> CapabilityLevel.fromCode(5));
    }

    @Test
    void levelRangesCoverZeroToNinetyExactlyOnce() {
        IntStream.rangeClosed(0, 90).forEach(total -> assertThat(
                Arrays.stream(CapabilityLevel.values())
                        .filter(level -> total >= level.minTotal() && total <= level.maxTotal()))
                .as("levels covering total %d", total)
                .hasSize(1));
    }

    @Test
    void worsenedByStopsAtCompleteDisability() {
        assertThat(CapabilityLevel.INTACT.worsenedBy(0)).isEqualTo(CapabilityLevel.INTACT);
        assertThat(CapabilityLevel.INTACT.worsenedBy(1)).isEqualTo(CapabilityLevel.MILD_DISABILITY);
        assertThat(CapabilityLevel.INTACT.worsenedBy(2)).isEqualTo(CapabilityLevel.MODERATE_DISABILITY);
        assertThat(CapabilityLevel.SEVERE_DISABILITY.worsenedBy(2)).isEqualTo(CapabilityLevel.COMPLETE_DISABILITY);
        assertThat(CapabilityLevel.COMPLETE_DISABILITY.worsenedBy(1)).isEqualTo(CapabilityLevel.COMPLETE_DISABILITY);
        assertThat(CapabilityLevel.MILD_DISABILITY.worsenedBy(Integer.MAX_VALUE))
                .isEqualTo(CapabilityLevel.COMPLETE_DISABILITY);
        assertThatIllegalArgumentException().isThrownBy(() -> CapabilityLevel.INTACT.worsenedBy(-1));
    }
}
