package org.yinling.dashboard;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A region's official statistics of a year, as district staff enter them from the statistical bulletin. */
class StatisticsForm {

    @NotBlank
    private String regionCode = "";
    @NotNull
    @Min(1949)
    @Max(2200)
    private Integer year;
    @NotNull
    @Min(1)
    @Max(100_000_000)
    private Integer registeredPopulation;
    @NotNull
    @Min(0)
    @Max(100_000_000)
    private Integer elders60;
    @Min(0)
    @Max(100_000_000)
    private Integer elders80;
    @NotBlank
    @Size(max = 200)
    private String source = "";
    @NotNull
    @PastOrPresent
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate publishedOn;

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode == null ? "" : regionCode.trim();
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Integer getRegisteredPopulation() {
        return registeredPopulation;
    }

    public void setRegisteredPopulation(Integer registeredPopulation) {
        this.registeredPopulation = registeredPopulation;
    }

    public Integer getElders60() {
        return elders60;
    }

    public void setElders60(Integer elders60) {
        this.elders60 = elders60;
    }

    public Integer getElders80() {
        return elders80;
    }

    public void setElders80(Integer elders80) {
        this.elders80 = elders80;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source == null ? "" : source.trim();
    }

    public LocalDate getPublishedOn() {
        return publishedOn;
    }

    public void setPublishedOn(LocalDate publishedOn) {
        this.publishedOn = publishedOn;
    }
}
