package org.yinling.supervision;

import java.time.LocalDate;

/** A checklist version: it applies from its date until the next version's. */
public record Checklist(long id, int version, LocalDate effectiveFrom, String createdBy) {
}
