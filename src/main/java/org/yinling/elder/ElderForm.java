package org.yinling.elder;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yinling.system.SpreadsheetCells;

/**
 * The create/edit form of an elder. Birth date and sex are not fields: they come from the resident ID.
 * Flags are {@code Boolean} so that an absent checkbox binds as null (no) instead of failing the whole form.
 */
record ElderForm(
        @NotBlank String residentId,
        @NotBlank @Size(max = 50) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{elder.name.characters}")
        @Pattern(regexp = SpreadsheetCells.NO_FORMULA_START, message = "{name.formulaStart}") String name,
        @Size(max = 20) String ethnicity,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "{elder.phone.pattern}") String phone,
        Boolean hukouLocal,
        @NotBlank String communityCode,
        @Size(max = 200) String address,
        @NotNull LivingArrangement livingArrangement,
        Boolean solitary,
        Boolean lostOnlyChild,
        @NotNull EconomicStatus economicStatus,
        @DecimalMin("0") @DecimalMax("99999999") BigDecimal incomePerPerson,
        DisabilityCategory disabilityCategory,
        Integer disabilityLevel,
        Boolean leftBehind,
        Boolean onlyChildDisabled,
        Boolean specialCareRecipient,
        Boolean seriousIllness,
        @Size(max = 50) String guardianName,
        @Size(max = 20) String guardianRelation,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "{elder.phone.pattern}") String guardianPhone,
        @Size(max = 50) String emergencyName,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "{elder.phone.pattern}") String emergencyPhone,
        @Size(max = 1000) String notes,
        Long version) {

    boolean isHukouLocal() {
        return Boolean.TRUE.equals(hukouLocal);
    }

    boolean isSolitary() {
        return Boolean.TRUE.equals(solitary);
    }

    boolean isLostOnlyChild() {
        return Boolean.TRUE.equals(lostOnlyChild);
    }

    boolean isLeftBehind() {
        return Boolean.TRUE.equals(leftBehind);
    }

    boolean isOnlyChildDisabled() {
        return Boolean.TRUE.equals(onlyChildDisabled);
    }

    boolean isSpecialCareRecipient() {
        return Boolean.TRUE.equals(specialCareRecipient);
    }

    boolean isSeriousIllness() {
        return Boolean.TRUE.equals(seriousIllness);
    }

    /** The possible disability levels of a certificate, for the form's choice. */
    static final java.util.List<Integer> DISABILITY_LEVELS = java.util.List.of(1, 2, 3, 4);

    static ElderForm blank(String communityCode) {
        return new ElderForm("", "", "汉族", "", true, communityCode, "", LivingArrangement.WITH_FAMILY, false, false,
                EconomicStatus.NONE, null, null, null, false, false, false, false, "", "", "", "", "", "", null);
    }

    static ElderForm of(Elder e) {
        return new ElderForm(e.getResidentId(), e.getName(), e.getEthnicity(), e.getPhone(), e.isHukouLocal(),
                e.getCommunityCode(), e.getAddress(), e.getLivingArrangement(), e.isSolitary(), e.isLostOnlyChild(),
                e.getEconomicStatus(), e.getIncomePerPerson(), e.getDisabilityCategory(), e.getDisabilityLevel(),
                e.isLeftBehind(), e.isOnlyChildDisabled(), e.isSpecialCareRecipient(), e.isSeriousIllness(),
                e.getGuardianName(), e.getGuardianRelation(),
                e.getGuardianPhone(), e.getEmergencyName(), e.getEmergencyPhone(), e.getNotes(), e.getVersion());
    }
}
