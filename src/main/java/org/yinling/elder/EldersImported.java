package org.yinling.elder;

/**
 * Many elders changed at once: a spreadsheet import was confirmed ({@code importId} an {@code elder_import}), or a
 * batch of inbound status changes through the API was applied ({@code importId} a {@code status_import}):
 * {@code created} new elders, {@code updated} corrected. Followers re-check set-based rather than elder by elder.
 */
public record EldersImported(long importId, int created, int updated) {
}
