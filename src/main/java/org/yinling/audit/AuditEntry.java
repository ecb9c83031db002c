package org.yinling.audit;

import java.time.OffsetDateTime;

/** One audit event as read back; {@code details} is the JSON text. */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String entity, String entityId,
                         String details) {
}
