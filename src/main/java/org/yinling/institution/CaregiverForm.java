package org.yinling.institution;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A caregiver (护理员) and their certificate; a certificate needs its type and number together. */
public record CaregiverForm(@NotNull Long institutionId,
                            @NotBlank @Size(max = 50) @Pattern(regexp = "[^<>\\p{Cntrl}]*", message = "{institution.name.characters}") String name,
                            @Size(max = 60) String certificateType,
                            @Size(max = 60) String certificateNumber,
                            @Size(max = 30) String certificateLevel,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate certificateExpires,
                            Long version) {

    static CaregiverForm blank(Long institutionId) {
        return new CaregiverForm(institutionId, "", "", "", "", null, null);
    }
}
