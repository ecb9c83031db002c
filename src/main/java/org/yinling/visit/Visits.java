package org.yinling.visit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.audit.AuditLog;

/**
 * Visits and what they lead to: recording a visit (refused for a deceased elder with the date, in the future, before
 * the elder was rostered; a form sent twice is one visit), urgent findings raised as alerts, follow-ups started from
 * a concern, a tier raised with a reason, a major event. Each change is audited in the same transaction.
 */
@Service
class Visits {

    /** A visit's time may be this far ahead of the server's clock (a phone's clock running fast). */
    static final int CLOCK_SKEW_MINUTES = 5;

    private final VisitStore store;
    private final AuditLog audit;
    private final Clock clock;

    Visits(VisitStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The elder in the user's scope (a visitor: bound to them), or 404. */
    @Transactional(readOnly = true)
    ElderVisitContext elder(long elderId, CurrentUser user) {
        return store.context(elderId, VisitScope.of(user)).orElseThrow(Visits::notFound);
    }

    /**
     * The elder's visit page: the elder, with the phone in full for the roles that see it, which is recorded as a
     * view of personal data.
     */
    @Transactional
    ElderVisitContext viewElder(long elderId, CurrentUser user) {
        ElderVisitContext elder = elder(elderId, user);
        if (user.seesFullPersonalData() && elder.phone() != null && !elder.phone().isBlank()) {
            audit.record("VISIT_ELDER_VIEWED", "elder", elderId, Map.of("page", "visits"));
        }
        return elder;
    }

    @Transactional(readOnly = true)
    List<VisitRecord> history(long elderId, CurrentUser user) {
        return store.history(elderId, VisitScope.of(user), 50);
    }

    @Transactional(readOnly = true)
    List<VisitStore.MajorEvent> events(long elderId) {
        return store.events(elderId, 20);
    }

    @Transactional(readOnly = true)
    List<VisitStore.Raise> raises(long elderId) {
        return store.raises(elderId, 20);
    }

    @Transactional(readOnly = true)
    VisitRecord visit(long visitId, CurrentUser user) {
        return store.visit(visitId, VisitScope.of(user)).orElseThrow(Visits::notFound);
    }

    /** Why the elder cannot be visited (deceased with the date, moved out, off the roster), or null. */
    static void checkVisitable(ElderVisitContext elder, Errors errors) {
        if (elder.deceased()) {
            errors.reject("visit.elderDeceased", new Object[] {String.valueOf(elder.lifeStatusDate())}, null);
        }
        else if (elder.movedOut()) {
            errors.reject("visit.elderMovedOut", new Object[] {String.valueOf(elder.lifeStatusDate())}, null);
        }
        else if (!elder.onRoster()) {
            errors.reject("visit.notOnRoster", new Object[] {String.valueOf(elder.leftOn())}, null);
        }
    }

    /** The outcome of recording a visit: its id, and whether it was the same form sent again. */
    record Recorded(long visitId, boolean duplicate) {
    }

    /**
     * Records a visit; empty with the form's errors when it cannot be. A form sent twice (same submission key) is
     * the first visit, written once.
     */
    @Transactional
    Optional<Recorded> record(long elderId, VisitForm form, CurrentUser user, Errors errors) {
        ElderVisitContext elder = elder(elderId, user);
        VisitScope scope = VisitScope.of(user);
        if (form.submissionKey() != null) {
            Optional<Long> earlier = store.bySubmissionKey(form.submissionKey(), scope);
            if (earlier.isPresent()) {
                return Optional.of(new Recorded(earlier.get(), true));
            }
        }
        checkVisitable(elder, errors);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime visitedAt = null;
        if (form.visitedOn() != null) {
            LocalTime time = form.visitedTime() != null ? form.visitedTime()
                    : form.visitedOn().equals(LocalDate.now(clock)) ? LocalTime.now(clock) : LocalTime.NOON;
            visitedAt = form.visitedOn().atTime(time).atZone(clock.getZone()).toOffsetDateTime();
            if (visitedAt.isAfter(now.plusMinutes(CLOCK_SKEW_MINUTES))) {
                errors.rejectValue("visitedOn", "visit.future");
            }
            else if (form.visitedOn().isBefore(elder.rosteredOn())) {
                errors.rejectValue("visitedOn", "visit.beforeRoster", new Object[] {elder.rosteredOn().toString()},
                        null);
            }
        }
        if (form.reachedElder()) {
            for (FindingArea area : FindingArea.values()) {
                if (form.finding(area) == null) {
                    errors.rejectValue(VisitForm.field(area), "visit.finding.required");
                }
            }
        }
        if ((form.latitude() == null) != (form.longitude() == null)) {
            errors.rejectValue("latitude", "visit.location.both");
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        Optional<Long> inserted = store.insert(elder, form, visitedAt, user.id(), user.getUsername());
        if (inserted.isEmpty()) {
            // sent twice at the same moment: the other request wrote it
            return store.bySubmissionKey(form.submissionKey(), scope).map(id -> new Recorded(id, true));
        }
        long visitId = inserted.get();
        store.applyToRoster(visitId);
        int alerts = form.reachedElder() ? store.raiseAlerts(visitId, now) : 0;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("elder", elderId);
        details.put("visitedAt", visitedAt.toString());
        details.put("mode", form.visitMode().name());
        details.put("reached", form.reachedElder());
        if (form.reachedElder()) {
            for (FindingArea area : FindingArea.values()) {
                details.put(VisitForm.field(area), form.finding(area).name());
            }
        }
        details.put("alerts", alerts);
        details.put("located", form.latitude() != null);
        audit.record("VISIT_RECORDED", "visit", visitId, details);
        return Optional.of(new Recorded(visitId, false));
    }

    /** Raises the elder's tier with a reason; false with the form's errors. */
    @Transactional
    boolean raise(long elderId, RaiseForm form, CurrentUser user, Errors errors) {
        ElderVisitContext elder = elder(elderId, user);
        if (!elder.onRoster()) {
            checkVisitable(elder, errors);
        }
        if (form.reason() == null || form.reason().isBlank()) {
            errors.rejectValue("reason", "visit.raise.reasonRequired");
        }
        if (form.tier() != null && form.tier().rank() <= elder.tier().rank()) {
            errors.rejectValue("tier", "visit.raise.notHigher");
        }
        if (errors.hasErrors()) {
            return false;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!store.raise(elder, form.tier(), form.reason().strip(), now, LocalDate.now(clock).withDayOfMonth(1),
                user.getUsername())) {
            errors.reject("visit.raise.changedMeanwhile");
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", elder.tier().name());
        details.put("to", form.tier().name());
        details.put("reason", form.reason().strip());
        audit.record("VISIT_TIER_RAISED", "elder", elderId, details);
        return true;
    }

    /** Records a major event; false with the form's errors. */
    @Transactional
    boolean recordEvent(long elderId, EventForm form, CurrentUser user, Errors errors) {
        ElderVisitContext elder = elder(elderId, user);
        checkVisitable(elder, errors);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime occurredAt = null;
        if (form.occurredOn() != null) {
            LocalTime time = form.occurredTime() != null ? form.occurredTime() : LocalTime.MIDNIGHT;
            occurredAt = form.occurredOn().atTime(time).atZone(clock.getZone()).toOffsetDateTime();
            if (occurredAt.isAfter(now.plusMinutes(CLOCK_SKEW_MINUTES))) {
                errors.rejectValue("occurredOn", "visit.future");
            }
        }
        if (errors.hasErrors()) {
            return false;
        }
        long id = store.recordEvent(elder, form, occurredAt, now, user.getUsername());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("elder", elderId);
        details.put("kind", form.kind().name());
        details.put("occurredAt", occurredAt.toString());
        audit.record("VISIT_MAJOR_EVENT_RECORDED", "visit_major_event", id, details);
        return true;
    }

    /** What starting a follow-up leads to: the page that starts it, or null when it was sent to the community. */
    record Started(String path, boolean alreadyStarted) {
    }

    /**
     * Starts a follow-up of a concern or urgent finding. Staff are sent to the page that starts it (prefilled with the
     * elder); a visitor, who reaches no other module, sends it to the community's clerk (the visit lists it).
     */
    @Transactional
    Started startFollowUp(long visitId, FindingArea area, FollowUp kind, CurrentUser user) {
        VisitRecord visit = visit(visitId, user);
        Finding finding = visit.findings().get(area);
        if (finding == null || !finding.needsAction()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        boolean added = store.startFollowUp(visitId, area, kind, OffsetDateTime.now(clock), user.getUsername());
        if (added) {
            audit.record("VISIT_FOLLOW_UP_STARTED", "visit", visitId,
                    Map.of("elder", visit.elderId(), "area", area.name(), "kind", kind.name()));
        }
        return new Started(user.getRole() == Role.VISITOR ? null : kind.path(visit.elderId()), !added);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
