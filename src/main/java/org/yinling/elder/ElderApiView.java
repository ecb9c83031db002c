package org.yinling.elder;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The JSON shapes of the read API's elder routes. Field names are stable (a rename is a new API version); codes are
 * the ones listed in docs/api.md §5; dates are ISO-8601; money is a decimal string; ids are opaque strings.
 */
final class ElderApiView {

    private ElderApiView() {
    }

    /**
     * One elder of the registry. {@code residentId} and {@code phone} are in full only for a client with the scope
     * {@code elders:read-full-id}; otherwise masked ({@code residentIdMasked} says which).
     */
    record Elder(String id, String residentId, boolean residentIdMasked, String name, String sex, LocalDate birthDate,
                 String ethnicity, String phone, String hukouRegionCode, boolean hukouLocal, String communityCode,
                 String address, String livingArrangement, boolean solitary, boolean lostOnlyChild,
                 boolean leftBehind, boolean onlyChildDisabled, boolean specialCareRecipient, boolean seriousIllness,
                 String economicStatus, String incomePerPerson, String disabilityCategory, Integer disabilityLevel,
                 String lifeStatus, LocalDate lifeStatusDate, Integer capabilityLevel,
                 LocalDate assessmentValidUntil, Instant updatedAt) {
    }

    /** One capability assessment (GB/T 42195-2022) of an elder. */
    record Assessment(String id, String standard, LocalDate assessedOn, String reason, int total, int baseLevel,
                      int level, boolean coma, boolean dementia, int riskEvents, LocalDate validUntil,
                      String reviewsAssessmentId, String reviewCause) {
    }
}
