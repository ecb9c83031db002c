package org.yinling.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A visit as the phone form sends it. {@code submissionKey} is a hidden value made when the form is shown: the same
 * form sent twice is one visit. Findings are required only when the elder was reached.
 */
public record VisitForm(
        @NotNull UUID submissionKey,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime visitedTime,
        @NotNull VisitMode visitMode,
        @NotNull Boolean reached,
        Finding health, @Size(max = 500) String healthNote,
        Finding homeSafety, @Size(max = 500) String homeSafetyNote,
        Finding money, @Size(max = 500) String moneyNote,
        Finding family, @Size(max = 500) String familyNote,
        Finding services, @Size(max = 500) String servicesNote,
        @Size(max = 1000) String note,
        @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {

    static VisitForm blank(LocalDate today, LocalTime now) {
        return new VisitForm(UUID.randomUUID(), today, now.withSecond(0).withNano(0), VisitMode.HOME, true,
                null, "", null, "", null, "", null, "", null, "", "", null, null);
    }

    /** The finding of an area. */
    Finding finding(FindingArea area) {
        return switch (area) {
            case HEALTH -> health;
            case HOME_SAFETY -> homeSafety;
            case MONEY -> money;
            case FAMILY -> family;
            case SERVICES -> services;
        };
    }

    String note(FindingArea area) {
        String text = switch (area) {
            case HEALTH -> healthNote;
            case HOME_SAFETY -> homeSafetyNote;
            case MONEY -> moneyNote;
            case FAMILY -> familyNote;
            case SERVICES -> servicesNote;
        };
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The form field of an area's finding, e.g. {@code homeSafety}. */
    static String field(FindingArea area) {
        return area.field();
    }

    boolean reachedElder() {
        return Boolean.TRUE.equals(reached);
    }
}
