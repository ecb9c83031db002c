package org.yinling.homecare;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** An ad hoc order (e.g. 助急): an item on a day at a time, an optional provider (none: 待派单), notes. */
record AdHocOrderForm(@NotNull Long itemId,
                      @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                      @NotNull @DateTimeFormat(pattern = "HH:mm") LocalTime time,
                      Long providerId,
                      @Size(max = 500) String notes) {

    static AdHocOrderForm blank(LocalDate today) {
        return new AdHocOrderForm(null, today, LocalTime.of(9, 0), null, "");
    }
}
