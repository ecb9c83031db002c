package org.yinling.institution;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A rule of another module that can refuse admissions to an institution for a while (supervision: an open red
 * finding pauses admissions, as the district's setting says). The module implements it as a bean; admissions ask
 * every bean before a stay starts, so institution never depends on the module that decides.
 */
public interface AdmissionHolds {

    /** How the elder is admitted. */
    enum Route {
        /** from the institution's waiting list */
        WAITING_LIST,
        /** directly, on the institution's page */
        DIRECT
    }

    /** Why an admission to the institution by this route on that day is refused, or empty when it is not. */
    Optional<Refusal> refusal(long institutionId, Route route, LocalDate on);

    /** The refusal as a message key with its arguments, shown to the user as it is. */
    record Refusal(String messageKey, Object[] arguments) {
    }
}
