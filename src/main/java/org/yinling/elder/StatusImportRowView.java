package org.yinling.elder;

import java.time.LocalDate;

/**
 * One row of a list as the review page shows it: the ID masked, and the elder's id and name only for rows matched
 * to an elder inside the user's region.
 */
public record StatusImportRowView(int rowNo, String maskedResidentId, LocalDate date, String rawDate, String agency,
                                  String documentNo, Long elderId, String elderName, StatusImportOutcome outcome,
                                  String reason) {

    /**
     * A readable ID masked like everywhere else; an unreadable one keeps only what a clerk needs to find the row in
     * the file (its first 6 and last 4 characters), and short junk is hidden entirely.
     */
    static String mask(String residentId, String raw) {
        if (residentId != null) {
            return ResidentId.mask(residentId);
        }
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        return raw.length() <= 10 ? "*".repeat(raw.length())
                : raw.substring(0, 6) + "*".repeat(raw.length() - 10) + raw.substring(raw.length() - 4);
    }
}
