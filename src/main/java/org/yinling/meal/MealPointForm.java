package org.yinling.meal;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.yinling.system.SpreadsheetCells;

/** The registration form of a meal point. */
public record MealPointForm(
        @NotBlank @Size(max = 100) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{institution.name.characters}")
        @Pattern(regexp = SpreadsheetCells.NO_FORMULA_START, message = "{name.formulaStart}") String name,
        @NotNull MealPointKind kind,
        @Size(max = 100) String operator,
        @NotBlank String communityCode,
        @Size(max = 200) String address,
        @Min(0) @Max(10000) Integer seats,
        Boolean servesLunch,
        Boolean servesDinner,
        @Size(max = 60) String licenceNumber,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate licenceExpires,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate openedOn,
        @Size(max = 60) String payeeBank,
        @Size(max = 40) @Pattern(regexp = "[0-9 ]*", message = "{institution.payeeAccount.pattern}") String payeeAccount) {

    static MealPointForm blank() {
        return new MealPointForm("", MealPointKind.CANTEEN, "", "", "", null, true, false, "", null, null, "", "");
    }
}
