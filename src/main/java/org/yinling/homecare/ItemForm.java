package org.yinling.homecare;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.yinling.system.SpreadsheetCells;

/** The form of a catalogue item; the required share is entered as a percentage. */
public record ItemForm(
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,19}", message = "{homecare.item.code.pattern}") String code,
        @NotBlank @Size(max = 60) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{institution.name.characters}")
        @Pattern(regexp = SpreadsheetCells.NO_FORMULA_START, message = "{name.formulaStart}") String name,
        @NotNull ItemCategory category,
        @NotNull ItemUnit unit,
        @NotNull @Min(5) @Max(600) Integer standardMinutes,
        @NotNull @Min(1) @Max(100) Integer requiredPercent,
        Boolean active,
        Long version) {

    static ItemForm blank() {
        return new ItemForm("", "", ItemCategory.CLEANING, ItemUnit.VISIT, 60, 80, true, null);
    }

    static ItemForm of(CatalogueItem item) {
        return new ItemForm(item.code(), item.name(), item.category(), item.unit(), item.standardMinutes(),
                item.requiredPercent(), item.active(), item.lockVersion());
    }

    java.math.BigDecimal requiredShare() {
        return java.math.BigDecimal.valueOf(requiredPercent, 2);
    }
}
