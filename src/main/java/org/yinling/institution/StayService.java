package org.yinling.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.elder.ElderDeceased;
import org.yinling.elder.EldersLeft;

/** Admission, transfer and discharge, with the rules of one bed per elder and the places kept for 特困 elders. */
@Service
class StayService {

    private final InstitutionStore institutions;
    private final BedStore beds;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final org.springframework.beans.factory.ObjectProvider<AdmissionHolds> holds;

    StayService(InstitutionStore institutions, BedStore beds, JdbcClient jdbc, AuditLog audit, Clock clock,
                ApplicationEventPublisher events, org.springframework.beans.factory.ObjectProvider<AdmissionHolds> holds) {
        this.institutions = institutions;
        this.beds = beds;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
        this.holds = holds;
    }

    /**
     * Whether another module holds admissions to the institution by this route today (supervision's pause); the
     * refusal goes to {@code errors}.
     */
    boolean held(long institutionId, AdmissionHolds.Route route, Errors errors) {
        LocalDate today = LocalDate.now(clock);
        for (AdmissionHolds hold : holds.orderedStream().toList()) {
            java.util.Optional<AdmissionHolds.Refusal> refusal = hold.refusal(institutionId, route, today);
            if (refusal.isPresent()) {
                errors.reject(refusal.get().messageKey(), refusal.get().arguments(), null);
                return true;
            }
        }
        return false;
    }

    private record ElderFacts(long id, String lifeStatus, String economicStatus) {
    }

    /** Admits the elder; on a broken rule returns empty with the reason as an error on {@code errors}. */
    @Transactional
    Optional<Long> admit(Institution institution, AdmissionForm form, CurrentUser user, Errors errors) {
        institutions.lock(institution.id());
        Institution current = institutions.find(institution.id(), user.scope()).orElseThrow();
        String residentId = form.residentId().strip().toUpperCase(Locale.ROOT);
        Optional<ElderFacts> elder = jdbc.sql("""
                        SELECT id, life_status, economic_status FROM elder
                        WHERE resident_id = ? AND community_code LIKE ?
                        """)
                .params(residentId, user.scope().likePattern())
                .query((rs, row) -> new ElderFacts(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
        if (elder.isEmpty()) {
            errors.rejectValue("residentId", "institution.admission.elderNotFound");
            return Optional.empty();
        }
        if (!elder.get().lifeStatus().equals("ACTIVE")) {
            errors.rejectValue("residentId", "institution.admission.elderNotActive");
            return Optional.empty();
        }
        Optional<String> staying = jdbc.sql("""
                        SELECT i.name FROM stay s JOIN institution i ON i.id = s.institution_id
                        WHERE s.elder_id = ? AND s.ended_on IS NULL
                        """)
                .param(elder.get().id()).query(String.class).optional();
        if (staying.isPresent()) {
            errors.rejectValue("residentId", "institution.admission.alreadyStaying", new Object[] {staying.get()}, null);
            return Optional.empty();
        }
        if (current.status() != InstitutionStatus.OPERATING) {
            errors.reject("institution.admission.notOperating");
            return Optional.empty();
        }
        if (held(current.id(), AdmissionHolds.Route.DIRECT, errors)) {
            return Optional.empty();
        }
        if (!beds.isFree(current.id(), form.bedId())) {
            errors.rejectValue("bedId", "institution.admission.bedNotFree");
            return Optional.empty();
        }
        boolean extremePoverty = elder.get().economicStatus().equals("EXTREME_POVERTY");
        if (!extremePoverty && !ReservedBeds.admitsOtherElder(current.ownership(), current.beds(),
                current.otherEldersStaying())) {
            errors.reject("institution.admission.reservedForExtremePoverty",
                    new Object[] {current.reservedForExtremePoverty(), current.beds()}, null);
            return Optional.empty();
        }
        Optional<Long> stay = beds.startStay(elder.get().id(), current.id(), form.bedId(), form.admittedOn(),
                blankToNull(form.contractNumber()), form.payer(), extremePoverty, user.getUsername());
        if (stay.isEmpty()) {
            // another admission of this elder or into this bed committed between the checks and the insert
            errors.reject("institution.admission.raced");
            return Optional.empty();
        }
        audit.record("STAY_ADMITTED", "stay", stay.get(), Map.of("institution", current.id(), "bed", form.bedId(),
                "elder", elder.get().id(), "admittedOn", form.admittedOn().toString()));
        events.publishEvent(new ElderStayChanged(elder.get().id(), true));
        return stay;
    }

    /** Moves the elder of an open stay (one the user may act on, {@link ResidentVisibility}) to another free bed of the same institution on {@code on}. */
    @Transactional
    boolean transfer(Institution institution, long stayId, long bedId, LocalDate on, CurrentUser user) {
        String actor = user.getUsername();
        institutions.lock(institution.id());
        Optional<BedStore.OpenStay> stay = beds.openStay(stayId, institution.id(), user.scope());
        if (stay.isEmpty() || !beds.isFree(institution.id(), bedId) || on == null || on.isAfter(LocalDate.now(clock))
                || !beds.endStay(stayId, on, null, true)) {
            return false;
        }
        BedStore.OpenStay old = stay.get();
        Optional<Long> next = beds.startStay(old.elderId(), institution.id(), bedId, on, old.contractNumber(),
                old.payer(), old.extremePoverty(), actor);
        if (next.isEmpty()) {
            // the bed was taken meanwhile: the old stay stays open
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return false;
        }
        audit.record("STAY_TRANSFERRED", "stay", next.get(), Map.of("from", stayId, "bed", bedId, "on", on.toString()));
        return true;
    }

    @Transactional
    boolean discharge(Institution institution, long stayId, LocalDate on, String reason, CurrentUser user) {
        if (on == null || on.isAfter(LocalDate.now(clock)) || reason == null || reason.isBlank() || reason.length() > 200) {
            return false;
        }
        Optional<BedStore.OpenStay> open = beds.openStay(stayId, institution.id(), user.scope());
        if (open.isEmpty() || !beds.endStay(stayId, on, reason.strip(), false)) {
            return false;
        }
        audit.record("STAY_DISCHARGED", "stay", stayId, Map.of("on", on.toString()));
        events.publishEvent(new ElderStayChanged(open.get().elderId(), false));
        return true;
    }

    /** A death ends the elder's stay on that day, in the transaction that records it. */
    @EventListener
    void on(ElderDeceased event) {
        on(EldersLeft.of(event));
    }

    /** Many deaths at once (a move-out leaves the stay alone, as one by one): one statement. */
    @EventListener
    void on(EldersLeft event) {
        if (!event.deceased()) {
            return;
        }
        jdbc.sql("""
                        UPDATE stay s SET ended_on = GREATEST(s.admitted_on, d.day), end_reason = 'DECEASED'
                        FROM unnest(CAST(? AS bigint[]), CAST(? AS date[])) AS d(elder_id, day)
                        WHERE s.elder_id = d.elder_id AND s.ended_on IS NULL
                        """)
                .params(event.ids(), event.isoDates()).update();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
