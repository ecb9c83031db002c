package org.yinling.supervision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

/** The inspectors' scores of a rating, the required conditions found to hold, and the date; or a "not rated" result. */
public class RatingForm {

    private BigDecimal environment;
    private BigDecimal facilities;
    private BigDecimal operations;
    private BigDecimal services;
    private List<Integer> conditions = new ArrayList<>();
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate ratedOn;
    private boolean notRated;
    private String note;

    BigDecimal score(RatingSection section) {
        return switch (section) {
            case ENVIRONMENT -> environment;
            case FACILITIES -> facilities;
            case OPERATIONS -> operations;
            case SERVICES -> services;
        };
    }

    static String field(RatingSection section) {
        return section.name().toLowerCase(java.util.Locale.ROOT);
    }

    public BigDecimal getEnvironment() {
        return environment;
    }

    public void setEnvironment(BigDecimal environment) {
        this.environment = environment;
    }

    public BigDecimal getFacilities() {
        return facilities;
    }

    public void setFacilities(BigDecimal facilities) {
        this.facilities = facilities;
    }

    public BigDecimal getOperations() {
        return operations;
    }

    public void setOperations(BigDecimal operations) {
        this.operations = operations;
    }

    public BigDecimal getServices() {
        return services;
    }

    public void setServices(BigDecimal services) {
        this.services = services;
    }

    public List<Integer> getConditions() {
        return conditions;
    }

    public void setConditions(List<Integer> conditions) {
        this.conditions = conditions == null ? new ArrayList<>() : conditions;
    }

    public LocalDate getRatedOn() {
        return ratedOn;
    }

    public void setRatedOn(LocalDate ratedOn) {
        this.ratedOn = ratedOn;
    }

    public boolean isNotRated() {
        return notRated;
    }

    public void setNotRated(boolean notRated) {
        this.notRated = notRated;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
