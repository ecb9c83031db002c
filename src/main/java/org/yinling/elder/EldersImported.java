package org.yinling.elder;

/** A spreadsheet import was confirmed: {@code created} new elders, {@code updated} corrected. */
public record EldersImported(long importId, int created, int updated) {
}
