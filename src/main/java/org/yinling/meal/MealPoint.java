package org.yinling.meal;

import java.time.LocalDate;

/** A meal point; licensed when a licence is recorded and not expired on the day asked. */
public record MealPoint(long id, String name, MealPointKind kind, String operator, String communityCode, String address,
                        Integer seats, boolean servesLunch, boolean servesDinner, String licenceNumber,
                        LocalDate licenceExpires, LocalDate openedOn, String status, long version) {

    public boolean licensedOn(LocalDate day) {
        return licenceNumber != null && licenceExpires != null && !licenceExpires.isBefore(day);
    }
}
