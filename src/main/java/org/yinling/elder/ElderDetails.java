package org.yinling.elder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;

/** Everything the detail page shows; the full resident ID is here and nowhere else in the pages. */
public record ElderDetails(long id, String residentId, String maskedResidentId, String name, Sex sex, LocalDate birthDate,
                    int age, String ethnicity, String phone, boolean hukouLocal, String communityCode, String address,
                    LivingArrangement livingArrangement, boolean solitary, boolean lostOnlyChild,
                    EconomicStatus economicStatus, BigDecimal incomePerPerson, String guardianName,
                    String guardianRelation, String guardianPhone, String emergencyName, String emergencyPhone,
                    LifeStatus lifeStatus, LocalDate lifeStatusDate, String lifeStatusReason, Integer capabilityLevel,
                    String notes, boolean demo, LocalDateTime createdAt, String createdBy, LocalDateTime updatedAt,
                    String updatedBy) {

    /** The elder as a page shows it; age and times in the zone of the application's clock. */
    static ElderDetails of(Elder e, Clock clock) {
        // a stored ID is shown as stored: one that fails today's check (older data) must not take the page down
        return new ElderDetails(e.getId(), e.getResidentId(), ResidentId.mask(e.getResidentId()), e.getName(),
                e.getSex(), e.getBirthDate(),
                Period.between(e.getBirthDate(), LocalDate.now(clock)).getYears(), e.getEthnicity(), e.getPhone(),
                e.isHukouLocal(), e.getCommunityCode(), e.getAddress(), e.getLivingArrangement(), e.isSolitary(),
                e.isLostOnlyChild(), e.getEconomicStatus(), e.getIncomePerPerson(), e.getGuardianName(),
                e.getGuardianRelation(), e.getGuardianPhone(), e.getEmergencyName(), e.getEmergencyPhone(),
                e.getLifeStatus(), e.getLifeStatusDate(), e.getLifeStatusReason(), e.getCapabilityLevel(), e.getNotes(),
                e.isDemo(), local(e.getCreatedAt(), clock), e.getCreatedBy(), local(e.getUpdatedAt(), clock), e.getUpdatedBy());
    }

    private static LocalDateTime local(Instant instant, Clock clock) {
        return LocalDateTime.ofInstant(instant, clock.getZone());
    }

    public boolean active() {
        return lifeStatus == LifeStatus.ACTIVE;
    }

    public String capabilityLevelKey() {
        return capabilityLevel == null ? null : CapabilityLevel.fromCode(capabilityLevel).messageKey();
    }
}
