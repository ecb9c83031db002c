package org.yinling.institution;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed 002 medical rule at its boundaries, and the seed 003 share of beds kept for 特困 elders. */
class InstitutionRulesTest {

    @ParameterizedTest
    @CsvSource({
            "0, AGREEMENT", "1, AGREEMENT", "100, AGREEMENT", "101, OWN_CLINIC", "500, OWN_CLINIC",
            "501, MEDICAL_INSTITUTION", "2000, MEDICAL_INSTITUTION"})
    void theMedicalArrangementRequiredGrowsWithTheBeds(int beds, MedicalArrangement required) {
        assertThat(MedicalArrangement.requiredFor(beds)).isEqualTo(required);
        assertThat(required.sufficientFor(beds)).isTrue();
        assertThat(MedicalArrangement.MEDICAL_INSTITUTION.sufficientFor(beds)).isTrue();
        assertThat(MedicalArrangement.NONE.sufficientFor(beds)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"100, OWN_CLINIC, true", "101, AGREEMENT, false", "500, OWN_CLINIC, true", "501, OWN_CLINIC, false"})
    void anArrangementBelowTheRequiredOneFallsShort(int beds, MedicalArrangement has, boolean sufficient) {
        assertThat(has.sufficientFor(beds)).isEqualTo(sufficient);
    }

    @ParameterizedTest
    @CsvSource({"10, 3", "11, 4", "100, 30", "1, 1", "0, 0"})
    void aPublicBuiltPrivatelyRunHomeKeepsThirtyPercentRoundedUp(int beds, int kept) {
        assertThat(ReservedBeds.forExtremePoverty(Ownership.PUBLIC_BUILT_PRIVATE_RUN, beds)).isEqualTo(kept);
        assertThat(ReservedBeds.forExtremePoverty(Ownership.PRIVATE, beds)).isZero();
        if (beds > kept) {
            assertThat(ReservedBeds.admitsOtherElder(Ownership.PUBLIC_BUILT_PRIVATE_RUN, beds, beds - kept - 1)).isTrue();
        }
        assertThat(ReservedBeds.admitsOtherElder(Ownership.PUBLIC_BUILT_PRIVATE_RUN, beds, beds - kept)).isFalse();
    }
}
