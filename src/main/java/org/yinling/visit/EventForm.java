package org.yinling.visit;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** A major event: what, when (not in the future), and a note. */
public record EventForm(
        @NotNull MajorEventKind kind,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime occurredTime,
        @Size(max = 500) String note) {

    static EventForm blank(LocalDate today, LocalTime now) {
        return new EventForm(MajorEventKind.HOSPITAL_DISCHARGE, today, now.withSecond(0).withNano(0), "");
    }
}
