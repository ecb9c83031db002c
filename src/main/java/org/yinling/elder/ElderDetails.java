package org.yinling.elder;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.yinling.account.CurrentUser;

/**
 * Everything the detail page and the edit form show; the full resident ID is here and nowhere else in the pages, and
 * only for a user who may see it ({@link CurrentUser#seesFullPersonalData()}): for the others the ID and the phones are
 * masked.
 */
public record ElderDetails(long id, String residentId, String maskedResidentId, String name, Sex sex, LocalDate birthDate,
                    int age, String ethnicity, String phone, boolean hukouLocal, String communityCode, String address,
                    LivingArrangement livingArrangement, boolean solitary, boolean lostOnlyChild,
                    EconomicStatus economicStatus, BigDecimal incomePerPerson, DisabilityCategory disabilityCategory,
                    Integer disabilityLevel, boolean leftBehind, boolean onlyChildDisabled,
                    boolean specialCareRecipient, boolean seriousIllness, String guardianName,
                    String guardianRelation, String guardianPhone, String emergencyName, String emergencyPhone,
                    LifeStatus lifeStatus, LocalDate lifeStatusDate, String lifeStatusReason, Integer capabilityLevel,
                    String notes, boolean demo, LocalDateTime createdAt, String createdBy, LocalDateTime updatedAt,
                    String updatedBy) {

    /**
     * The elder as a page shows it to {@code user}; age and times in the zone of the application's clock.
     */
    static ElderDetails of(Elder e, Clock clock, CurrentUser user) {
        // a stored ID is shown as stored: one that fails today's check (older data) must not take the page down
        String masked = ResidentId.mask(e.getResidentId());
        return new ElderDetails(e.getId(), user.seesFullPersonalData() ? e.getResidentId() : masked, masked,
                e.getName(), e.getSex(), e.getBirthDate(),
                LifeStatus.ageOn(e.getBirthDate(), e.getLifeStatus(), e.getLifeStatusDate(), LocalDate.now(clock)),
                e.getEthnicity(),
                user.phone(e.getPhone()),
                e.isHukouLocal(), e.getCommunityCode(), e.getAddress(), e.getLivingArrangement(), e.isSolitary(),
                e.isLostOnlyChild(), e.getEconomicStatus(), e.getIncomePerPerson(), e.getDisabilityCategory(),
                e.getDisabilityLevel(), e.isLeftBehind(), e.isOnlyChildDisabled(), e.isSpecialCareRecipient(),
                e.isSeriousIllness(), e.getGuardianName(),
                e.getGuardianRelation(), user.phone(e.getGuardianPhone()), e.getEmergencyName(),
                user.phone(e.getEmergencyPhone()),
                e.getLifeStatus(), e.getLifeStatusDate(), e.getLifeStatusReason(), e.getCapabilityLevel(), e.getNotes(),
                e.isDemo(), local(e.getCreatedAt(), clock), e.getCreatedBy(), local(e.getUpdatedAt(), clock), e.getUpdatedBy());
    }

    private static LocalDateTime local(Instant instant, Clock clock) {
        return LocalDateTime.ofInstant(instant, clock.getZone());
    }

    /** Whether {@link #age()} is the age at death (the elder is recorded as deceased). */
    public boolean ageAtDeath() {
        return lifeStatus == LifeStatus.DECEASED && lifeStatusDate != null;
    }

    public boolean active() {
        return lifeStatus == LifeStatus.ACTIVE;
    }

    /** Whether the elder holds a disability certificate (残疾人证). */
    public boolean disabled() {
        return disabilityCategory != null;
    }

    /** Whether any of the care flags (孤寡, 失独, 伤残, 留守, 优抚, serious illness) is set. */
    public boolean anyCareFlag() {
        return solitary || lostOnlyChild || onlyChildDisabled || leftBehind || specialCareRecipient || seriousIllness;
    }

    public String capabilityLevelKey() {
        return capabilityLevel == null ? null : CapabilityLevel.fromCode(capabilityLevel).messageKey();
    }
}
