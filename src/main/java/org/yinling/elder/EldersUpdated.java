package org.yinling.elder;

import java.util.Arrays;

/**
 * Many elders' circumstances changed at once: an agency's batch of at least {@code StatusImportService.BULK_FROM}
 * status changes or moves to another community (issue 22) was applied. It stands for one {@link ElderUpdated} per
 * elder, and its followers give the same effect with set-based statements limited to these elders, so that a batch
 * of thousands costs as much as its elders, not as much as the whole registry (which {@link EldersImported}, after a
 * spreadsheet import of unknown changes, re-checks).
 */
public record EldersUpdated(long[] elderIds) {

    /** The elder ids as objects, for a JDBC parameter {@code CAST(? AS bigint[])}. */
    public Long[] ids() {
        return Arrays.stream(elderIds).boxed().toArray(Long[]::new);
    }

    public int size() {
        return elderIds.length;
    }
}
