package org.yinling.visit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A visit as its page and the elder's history show it. */
record VisitRecord(long id, long elderId, String elderName, String communityName, String visitorName,
                   OffsetDateTime visitedAt, VisitMode mode, boolean reached, Map<FindingArea, Finding> findings,
                   Map<FindingArea, String> notes, String note, BigDecimal latitude, BigDecimal longitude,
                   LocalDate retryOn, List<Action> actions, List<FindingArea> alerted) {

    /** A follow-up started from a concern. */
    record Action(FindingArea area, FollowUp kind, OffsetDateTime startedAt, String startedBy) {
    }

    public boolean anyUrgent() {
        return findings.containsValue(Finding.URGENT);
    }

    public boolean anyConcern() {
        return findings.values().stream().anyMatch(Finding::needsAction);
    }

    public boolean started(FindingArea area, FollowUp kind) {
        return actions.stream().anyMatch(action -> action.area() == area && action.kind() == kind);
    }
}
