package org.yinling.audit;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/** Filters of the audit viewer; blank fields do not filter. */
public record AuditFilter(String actor, String action, String entity, String entityId,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
}
