package org.yinling.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new target: an indicator, a region (none: the default), the value and when it holds. */
class TargetForm {

    @NotNull
    private Indicator indicator;
    private String regionCode = "";
    @NotNull
    @DecimalMin("0")
    @DecimalMax("100000")
    private BigDecimal target;
    @NotNull
    private LocalDate effectiveFrom;
    private LocalDate effectiveTo;
    @Size(max = 200)
    private String source = "";

    public Indicator getIndicator() {
        return indicator;
    }

    public void setIndicator(Indicator indicator) {
        this.indicator = indicator;
    }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode == null ? "" : regionCode.trim();
    }

    public BigDecimal getTarget() {
        return target;
    }

    public void setTarget(BigDecimal target) {
        this.target = target;
    }

    public LocalDate getEffectiveFrom() {
        return effectiveFrom;
    }

    public void setEffectiveFrom(LocalDate effectiveFrom) {
        this.effectiveFrom = effectiveFrom;
    }

    public LocalDate getEffectiveTo() {
        return effectiveTo;
    }

    public void setEffectiveTo(LocalDate effectiveTo) {
        this.effectiveTo = effectiveTo;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source == null ? "" : source.trim();
    }

    /** Shares are typed as per cent on the form and kept as fractions. */
    BigDecimal storedTarget() {
        return indicator.unit() == Indicator.Unit.SHARE ? target.movePointLeft(2) : target;
    }
}
