package org.yinling.homecare;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.yinling.system.SpreadsheetCells;

/** The create/edit form of a provider. */
public record ProviderForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{institution.name.characters}")
        @Pattern(regexp = SpreadsheetCells.NO_FORMULA_START, message = "{name.formulaStart}") String name,
        @Size(max = 40) String creditCode,
        @NotNull ProviderKind kind,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractFrom,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate contractTo,
        @Size(max = 100) List<String> communities,
        @Size(max = 60) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{institution.name.characters}") String payeeBank,
        @Size(max = 40) @Pattern(regexp = "[0-9 ]*", message = "{institution.payeeAccount.pattern}") String payeeAccount,
        @Size(max = 50) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{institution.name.characters}") String contactName,
        @Size(max = 30) @Pattern(regexp = "[0-9+\\- ]*", message = "{elder.phone.pattern}") String contactPhone,
        @NotNull ProviderStatus status,
        Long version) {

    static ProviderForm blank(LocalDate today) {
        return new ProviderForm("", "", ProviderKind.HOME_SERVICE, today, today.plusYears(1).minusDays(1), List.of(),
                "", "", "", "", ProviderStatus.ACTIVE, null);
    }

    static ProviderForm of(Provider p) {
        return new ProviderForm(p.name(), p.creditCode(), p.kind(), p.contractFrom(), p.contractTo(), p.communities(),
                p.payeeBank(), p.payeeAccount(), p.contactName(), p.contactPhone(), p.status(), p.lockVersion());
    }

    /** The chosen communities, never null. */
    public List<String> chosenCommunities() {
        return communities == null ? List.of() : communities;
    }

    /** The credit code as stored: upper case letters typed in lower case are the same code. */
    String normalisedCreditCode() {
        return creditCode == null ? "" : creditCode.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
