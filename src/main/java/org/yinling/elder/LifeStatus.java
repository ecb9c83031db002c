package org.yinling.elder;

import java.time.LocalDate;
import java.time.Period;

/** Life status; a change away from ACTIVE stops subsidies (see the payment rules in domain.md). */
public enum LifeStatus {
    ACTIVE, DECEASED, MOVED_OUT;

    public String messageKey() {
        return "elder.lifeStatus." + name();
    }

    /** The age a page shows: at death for a deceased elder (when the date of death is known), otherwise today. */
    public static int ageOn(LocalDate birthDate, LifeStatus status, LocalDate statusDate, LocalDate today) {
        LocalDate on = status == DECEASED && statusDate != null && statusDate.isBefore(today) ? statusDate : today;
        return Period.between(birthDate, on).getYears();
    }
}
