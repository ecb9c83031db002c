package org.yinling.audit;

import java.time.OffsetDateTime;

/**
 * One audit event as read back; {@code details} is the JSON text, {@code actorName} the actor's display name (the
 * login where no user has it, e.g. "system"), {@code objectName} a readable name of the record where one is known
 * (a region's or a user's name), else null.
 */
public record AuditEntry(long id, OffsetDateTime at, String actor, String action, String entity, String entityId,
                         String details, String actorName, String objectName) {
}
