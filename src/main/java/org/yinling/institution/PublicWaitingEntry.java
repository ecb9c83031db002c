package org.yinling.institution;

import java.time.LocalDate;

/**
 * A line of the waiting list as it is posted publicly (公示) at the institution: position, masked name and ID,
 * category and date. Masked in the store, so the full name and ID never reach the page.
 */
public record PublicWaitingEntry(int position, String maskedName, String maskedResidentId, WaitingCategory category,
                                 LocalDate appliedOn) {
}
