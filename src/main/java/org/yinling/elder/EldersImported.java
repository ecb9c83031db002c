package org.yinling.elder;

/**
 * Many elders changed at once: a spreadsheet import was confirmed ({@code importId} an {@code elder_import}):
 * {@code created} new elders, {@code updated} corrected. Followers re-check the whole registry set-based rather than
 * elder by elder. (A batch of an agency's status changes names its elders: {@link EldersUpdated}.)
 */
public record EldersImported(long importId, int created, int updated) {
}
