package org.yinling.institution;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.yinling.system.SpreadsheetCells;

/**
 * The create/edit form of an institution. An institution is registered by filing (备案: date and receipt number, both or
 * neither); the 设立许可 licence was abolished (seed 003), so its number is no longer asked for: an old one stays on the
 * record as history ({@link Institution#licenceNumber()}). The star level is not on the form: star ratings
 * (module supervision) set it.
 */
public record InstitutionForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{institution.name.characters}")
        @Pattern(regexp = SpreadsheetCells.NO_FORMULA_START, message = "{name.formulaStart}") String name,
        @NotNull InstitutionKind kind,
        @NotNull Ownership ownership,
        @Size(max = 100) String operator,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filingDate,
        @Size(max = 60) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{institution.filingReceipt.characters}")
        @Pattern(regexp = SpreadsheetCells.NO_FORMULA_START, message = "{name.formulaStart}") String filingReceipt,
        @NotBlank String communityCode,
        @Size(max = 200) String address,
        @Size(max = 50) String contactName,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "{elder.phone.pattern}") String contactPhone,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
        @NotNull InstitutionStatus status,
        @NotNull MedicalArrangement medicalArrangement,
        @Size(max = 200) String medicalDocument,
        @Size(max = 60) String payeeBank,
        @Size(max = 40) @Pattern(regexp = "[0-9 ]*", message = "{institution.payeeAccount.pattern}") String payeeAccount,
        @Size(max = 1000) String notes,
        Long version) {

    static InstitutionForm blank(String communityCode) {
        return new InstitutionForm("", InstitutionKind.PRIVATE_HOME, Ownership.PRIVATE, "", null, "", communityCode, "",
                "", "", null, InstitutionStatus.OPERATING, MedicalArrangement.NONE, "", "", "", "", null);
    }

    static InstitutionForm of(Institution i) {
        return new InstitutionForm(i.name(), i.kind(), i.ownership(), i.operator(), i.filingDate(), i.filingReceipt(),
                i.communityCode(), i.address(), i.contactName(), i.contactPhone(), i.openedOn(), i.status(), i.medicalArrangement(), i.medicalDocument(), i.payeeBank(), i.payeeAccount(), i.notes(),
                i.version());
    }
}
