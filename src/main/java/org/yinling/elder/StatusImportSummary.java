package org.yinling.elder;

import java.time.OffsetDateTime;

/** A stored list: what it reports, who uploaded it where, its state and how many rows had each outcome. */
public record StatusImportSummary(long id, StatusImportKind kind, String fileName, String createdBy,
                                  OffsetDateTime createdAt, String scopePrefix, StatusImportState state, int rowCount,
                                  int matched, int unmatched, int alreadyInactive, int conflict, int invalid,
                                  Integer appliedCount, String decidedBy, OffsetDateTime decidedAt) {

    /** Still waiting for confirmation or cancellation. */
    public boolean open() {
        return state == StatusImportState.UPLOADED;
    }

    public int count(StatusImportOutcome outcome) {
        return switch (outcome) {
            case MATCHED -> matched;
            case UNMATCHED -> unmatched;
            case ALREADY_INACTIVE -> alreadyInactive;
            case CONFLICT -> conflict;
            case INVALID -> invalid;
        };
    }
}
