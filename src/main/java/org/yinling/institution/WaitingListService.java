package org.yinling.institution;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/** Registering on the public waiting list, and admission from it: the first in line unless a skip reason is given. */
@Service
class WaitingListService {

    private final WaitingListStore list;
    private final StayService stays;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    WaitingListService(WaitingListStore list, StayService stays, JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.list = list;
        this.stays = stays;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Public institutions (public, or publicly built and privately run) admit through the waiting list. */
    static boolean admitsThroughWaitingList(Institution institution) {
        return institution.ownership() != Ownership.PRIVATE;
    }

    @Transactional
    Optional<Long> register(Institution institution, String residentId, LocalDate appliedOn, CurrentUser user,
                            Errors errors) {
        if (!admitsThroughWaitingList(institution)) {
            errors.reject("waiting.notPublic");
            return Optional.empty();
        }
        Optional<Long> elder = jdbc.sql("""
                        SELECT id FROM elder WHERE resident_id = ? AND community_code LIKE ? AND life_status = 'ACTIVE'
                        """)
                .params(residentId == null ? "" : residentId.strip().toUpperCase(Locale.ROOT), user.scope().likePattern())
                .query(Long.class).optional();
        if (elder.isEmpty()) {
            errors.reject("waiting.elderNotFound");
            return Optional.empty();
        }
        if (appliedOn == null || appliedOn.isAfter(LocalDate.now(clock))) {
            errors.reject("waiting.dateInvalid");
            return Optional.empty();
        }
        Optional<Long> id = list.add(elder.get(), institution.id(), appliedOn, user.getUsername());
        if (id.isEmpty()) {
            errors.reject("waiting.alreadyWaiting");
            return Optional.empty();
        }
        audit.record("WAITING_REGISTERED", "waiting_application", id.get(),
                Map.of("institution", institution.id(), "elder", elder.get()));
        return id;
    }

    /**
     * Admits the elder of entry {@code entryId} to {@code form}'s bed. If anyone waits ahead of them, a skip reason is
     * required; it is stored with the entry and audited with the entries that were passed over.
     */
    @Transactional
    Optional<Long> admit(Institution institution, long entryId, AdmissionForm form, String skipReason, CurrentUser user,
                         Errors errors) {
        // only an entry the user may see (ResidentVisibility); everyone ahead of it counts, seen or not
        WaitingEntry entry = list.waiting(institution.id(), user.scope()).stream().filter(e -> e.id() == entryId)
                .findFirst().orElse(null);
        if (entry == null) {
            errors.reject("waiting.notWaiting");
            return Optional.empty();
        }
        if (stays.held(institution.id(), AdmissionHolds.Route.WAITING_LIST, errors)) {
            return Optional.empty();
        }
        List<Long> ahead = list.aheadOf(institution.id(), entry.position());
        String reason = skipReason == null ? "" : skipReason.strip();
        if (!ahead.isEmpty() && (reason.isEmpty() || reason.length() > 200)) {
            errors.reject("waiting.skipReasonRequired", new Object[] {ahead.size()}, null);
            return Optional.empty();
        }
        AdmissionForm admission = new AdmissionForm(entry.residentId(), form.bedId(), form.admittedOn(),
                form.contractNumber(), form.payer());
        Optional<Long> stay = stays.admit(institution, admission, user, errors);
        if (stay.isEmpty()) {
            return Optional.empty();
        }
        list.admitted(entryId, stay.get(), ahead.isEmpty() ? null : reason);
        if (!ahead.isEmpty()) {
            audit.record("WAITING_SKIPPED", "waiting_application", entryId,
                    Map.of("institution", institution.id(), "passedOver", ahead, "reason", reason));
        }
        return stay;
    }

    /**
     * Withdraws a waiting entry with a reason; only an entry of an elder of the user's own region (the elder's
     * application is theirs to end, see {@link ResidentVisibility}). False when refused.
     */
    @Transactional
    boolean withdraw(Institution institution, long entryId, String reason, CurrentUser user) {
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            return false;
        }
        boolean done = list.withdraw(entryId, institution.id(), reason.strip(), user.scope());
        if (done) {
            audit.record("WAITING_WITHDRAWN", "waiting_application", entryId, Map.of("institution", institution.id()));
        }
        return done;
    }
}
