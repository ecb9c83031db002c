package org.yinling.homecare;

import java.time.LocalDate;

/**
 * A row of home-care settings for a region (null: the system default) from a date: the check-in radius, after how
 * many minutes a visit without check-in counts as missed, whether call-back findings are extrapolated, and how many
 * days a care worker still sees a closed order.
 */
public record HomeCareSetting(long id, String regionCode, LocalDate effectiveFrom, int checkinRadiusM,
                              int missedAfterMinutes, boolean callbackExtrapolation, int closedVisibleDays) {
}
