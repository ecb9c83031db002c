package org.yinling.institution;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** Admission of a registered elder (by resident ID) to a free bed. */
public record AdmissionForm(@NotBlank @Size(max = 18) String residentId,
                            @NotNull Long bedId,
                            @NotNull @PastOrPresent @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate admittedOn,
                            @Size(max = 60) String contractNumber,
                            @NotNull Payer payer) {

    static AdmissionForm blank(LocalDate today) {
        return new AdmissionForm("", null, today, "", Payer.SELF);
    }
}
