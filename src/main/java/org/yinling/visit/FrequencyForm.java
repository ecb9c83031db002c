package org.yinling.visit;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

/** A new frequency of a tier in a region from a date. */
public record FrequencyForm(
        String regionCode,
        @NotNull RiskTier tier,
        @NotNull IntervalUnit unit,
        @NotNull @Min(1) @Max(12) Integer count,
        @Min(1) @Max(168) Integer eventHours,
        @NotNull @Min(1) @Max(14) Integer retryDays,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom) {

    static FrequencyForm blank(String regionCode, LocalDate today) {
        return new FrequencyForm(regionCode, RiskTier.HIGH, IntervalUnit.WEEK, 1, 24, 2, today);
    }
}
