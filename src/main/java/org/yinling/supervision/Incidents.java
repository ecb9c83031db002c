package org.yinling.supervision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BindingResult;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * Incidents in the institutions of the user's region: reported (by staff for now; the institution's own role comes
 * later), reviewed by the district, never deleted. An incident cannot be dated in the future, nor the family told
 * before it happened.
 */
@Service
class Incidents {

    private final IncidentStore store;
    private final SupervisionStore supervision;
    private final AuditLog audit;
    private final Clock clock;

    Incidents(IncidentStore store, SupervisionStore supervision, AuditLog audit, Clock clock) {
        this.store = store;
        this.supervision = supervision;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Page<IncidentStore.Incident> list(PageRequest page, CurrentUser user) {
        return new PageImpl<>(store.list(SupervisionScope.of(user), page.getPageSize(), page.getOffset()), page, store.count(SupervisionScope.of(user)));
    }

    @Transactional(readOnly = true)
    IncidentStore.Incident incident(long id, CurrentUser user) {
        return store.find(id, SupervisionScope.of(user)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The institutions the user may report for: the plan's list. */
    @Transactional(readOnly = true)
    List<SupervisionStore.PlanRow> institutions(CurrentUser user) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        return supervision.plan(SupervisionScope.of(user), today, today, today);
    }

    /** @return the new incident's id, or null with field messages */
    @Transactional
    Long report(IncidentForm form, CurrentUser user, BindingResult errors) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (form.getInstitutionId() == null) {
            errors.rejectValue("institutionId", "supervision.incident.error.institution");
        }
        else if (supervision.communityOfInstitution(form.getInstitutionId(), SupervisionScope.of(user)).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (form.getKind() == null) {
            errors.rejectValue("kind", "supervision.incident.error.kind");
        }
        OffsetDateTime occurred = form.getOccurredAt() == null ? null
                : form.getOccurredAt().atZone(clock.getZone()).toOffsetDateTime();
        OffsetDateTime notified = form.getFamilyNotifiedAt() == null ? null
                : form.getFamilyNotifiedAt().atZone(clock.getZone()).toOffsetDateTime();
        if (occurred == null) {
            errors.rejectValue("occurredAt", "supervision.incident.error.occurredAt");
        }
        else if (occurred.isAfter(now)) {
            errors.rejectValue("occurredAt", "supervision.incident.error.future");
        }
        else if (occurred.getYear() < 2000) {
            errors.rejectValue("occurredAt", "supervision.incident.error.occurredAt");
        }
        if (notified != null && (notified.isAfter(now) || (occurred != null && notified.isBefore(occurred)))) {
            errors.rejectValue("familyNotifiedAt", "supervision.incident.error.notified");
        }
        String residents = Inspections.text(form.getResidents());
        if (residents == null || residents.length() > 500) {
            errors.rejectValue("residents", "supervision.incident.error.residents");
        }
        String hospital = Inspections.text(form.getHospital());
        if (hospital != null && hospital.length() > 100) {
            errors.rejectValue("hospital", "supervision.incident.error.hospital");
        }
        String outcome = Inspections.text(form.getOutcome());
        if (outcome == null || outcome.length() > 1000) {
            errors.rejectValue("outcome", "supervision.incident.error.outcome");
        }
        if (errors.hasErrors()) {
            return null;
        }
        long id = store.insert(form, occurred, notified, user.getUsername());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("institutionId", form.getInstitutionId());
        details.put("kind", form.getKind().name());
        details.put("occurredAt", occurred.toString());
        audit.record("SUPERVISION_INCIDENT_REPORTED", "supervision_incident", id, details);
        return id;
    }

    /** @return null when reviewed, else the message key of the refusal */
    @Transactional
    String review(long id, String note, CurrentUser user) {
        IncidentStore.Incident incident = incident(id, user);
        String text = Inspections.text(note);
        if (text == null || text.length() > 1000) {
            return "supervision.incident.error.review";
        }
        if (incident.reviewed() || !store.review(id, text, user.getUsername(), OffsetDateTime.now(clock))) {
            return "supervision.incident.error.reviewed";
        }
        audit.record("SUPERVISION_INCIDENT_REVIEWED", "supervision_incident", id, Map.of("review", text));
        return null;
    }
}
