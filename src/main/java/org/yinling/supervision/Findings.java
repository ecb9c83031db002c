package org.yinling.supervision;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/**
 * Findings of the user's region: the lists (overdue, open, all), the institution's rectification note (entered by
 * staff for now), a deadline moved (never into the past), and the re-check that closes a finding (never without a
 * rectification note).
 */
@Service
class Findings {

    static final int TEXT_MAX = 1000;

    private final SupervisionStore store;
    private final AuditLog audit;
    private final Clock clock;

    Findings(SupervisionStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    @Transactional(readOnly = true)
    Page<SupervisionStore.Finding> list(SupervisionStore.Show show, Long institutionId, PageRequest page,
                                        CurrentUser user) {
        OffsetDateTime now = now();
        long total = store.countFindings(user.scope(), show, institutionId, now);
        return new PageImpl<>(store.findings(user.scope(), show, institutionId, now, page.getPageSize(), page.getOffset()),
                page, total);
    }

    @Transactional(readOnly = true)
    SupervisionStore.Finding finding(long id, CurrentUser user) {
        return store.finding(id, user.scope()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @Transactional(readOnly = true)
    SupervisionStore.Counts counts(long institutionId, CurrentUser user) {
        return store.counts(institutionId, user.scope(), now());
    }

    /** @return null when saved, else the message key of the refusal */
    @Transactional
    String rectify(long id, String note, CurrentUser user) {
        SupervisionStore.Finding finding = finding(id, user);
        String text = Inspections.text(note);
        if (text == null || text.length() > TEXT_MAX) {
            return "supervision.finding.error.rectification";
        }
        if (finding.closed() || !store.rectify(id, text, user.getUsername(), now())) {
            return "supervision.finding.error.closed";
        }
        audit.record("SUPERVISION_FINDING_RECTIFIED", "supervision_finding", id, Map.of("rectification", text));
        return null;
    }

    /** @return null when moved, else the message key of the refusal */
    @Transactional
    String moveDeadline(long id, LocalDateTime deadline, CurrentUser user) {
        SupervisionStore.Finding finding = finding(id, user);
        if (deadline == null) {
            return "supervision.finding.error.deadline";
        }
        OffsetDateTime at = deadline.atZone(clock.getZone()).toOffsetDateTime();
        if (!at.isAfter(now())) {
            return "supervision.finding.error.deadlinePast";
        }
        if (finding.closed() || !store.moveDeadline(id, at)) {
            return "supervision.finding.error.closed";
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", finding.deadline().toString());
        details.put("to", at.toString());
        audit.record("SUPERVISION_FINDING_DEADLINE_MOVED", "supervision_finding", id, details);
        return null;
    }

    /** @return null when closed, else the message key of the refusal */
    @Transactional
    String close(long id, String recheckNote, CurrentUser user) {
        SupervisionStore.Finding finding = finding(id, user);
        String text = Inspections.text(recheckNote);
        String refused = recheckRefusal(finding, text);
        if (refused != null) {
            return refused;
        }
        if (!store.close(id, text, user.getUsername(), now())) {
            return "supervision.finding.error.closed";
        }
        audit.record("SUPERVISION_FINDING_CLOSED", "supervision_finding", id, Map.of("recheck", text));
        return null;
    }

    /** Why a re-check of the finding cannot be recorded (closed, nothing rectified, no note), or null. */
    private static String recheckRefusal(SupervisionStore.Finding finding, String text) {
        if (finding.closed()) {
            return "supervision.finding.error.closed";
        }
        if (finding.rectification() == null) {
            return "supervision.finding.error.noEvidence";
        }
        if (text == null || text.length() > TEXT_MAX) {
            return "supervision.finding.error.recheck";
        }
        return null;
    }

    /** A re-check that finds it not put right. @return null when recorded, else the message key of the refusal */
    @Transactional
    String recheckFailed(long id, String recheckNote, CurrentUser user) {
        SupervisionStore.Finding finding = finding(id, user);
        String text = Inspections.text(recheckNote);
        String refused = recheckRefusal(finding, text);
        if (refused != null) {
            return refused;
        }
        if (!store.recheckFailed(id, text)) {
            return "supervision.finding.error.closed";
        }
        audit.record("SUPERVISION_FINDING_RECHECK_FAILED", "supervision_finding", id,
                Map.of("recheck", text, "rectification", finding.rectification()));
        return null;
    }
}
