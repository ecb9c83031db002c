package org.yinling.region;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The create/edit form of a region. The level follows from the parent; the code is fixed once created. */
record RegionForm(
        @NotBlank @Pattern(regexp = "[0-9]{12}", message = "{region.code.pattern}") String code,
        String parentCode,
        @NotBlank @Size(max = 100) String name,
        UrbanRuralClass urbanRuralClass,
        @PositiveOrZero @Max(10_000_000) Integer registeredPopulation,
        Long version) {

    /** An empty form under {@code parent} (null for a new district), with the code prefilled with the parent's digits. */
    static RegionForm blank(RegionView parent) {
        return parent == null ? new RegionForm("", null, "", null, null, null)
                : new RegionForm(parent.scope().prefix(), parent.code(), "", null, null, null);
    }

    static RegionForm of(RegionView region, long version) {
        return new RegionForm(region.code(), region.parentCode(), region.name(), region.urbanRuralClass(),
                region.registeredPopulation(), version);
    }
}
