package org.yinling.audit;

import java.util.List;

/** One audit event as a person reads it: a sentence and the changed or recorded fields, all labelled. */
public record AuditLine(AuditEntry entry, String sentence, List<Change> changes) {

    /** One field of the details: a label, and a value or a change from {@code before} to {@code after}. */
    public record Change(String field, String before, String after) {

        public boolean changed() {
            return before != null;
        }
    }
}
