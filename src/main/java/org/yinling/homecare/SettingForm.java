package org.yinling.homecare;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/** A new row of settings for a region of the district from a date. */
public record SettingForm(
        @NotBlank String regionCode,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
        @NotNull @Min(20) @Max(5000) Integer checkinRadiusM,
        @NotNull @Min(5) @Max(1440) Integer missedAfterMinutes,
        Boolean callbackExtrapolation,
        @NotNull @Min(0) @Max(60) Integer closedVisibleDays) {

    static SettingForm blank(String regionCode, LocalDate today) {
        return new SettingForm(regionCode, today, 300, 30, true, 7);
    }
}
