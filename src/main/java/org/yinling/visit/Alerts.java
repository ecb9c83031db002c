package org.yinling.visit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/** The alert lists of urgent findings, and marking one handled (with a note). */
@Service
class Alerts {

    private final AlertStore store;
    private final AuditLog audit;
    private final Clock clock;

    Alerts(AlertStore store, AuditLog audit, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<AlertStore.Alert> open(CurrentUser user) {
        return store.open(VisitScope.of(user), 200);
    }

    /** @return false when it had been handled already */
    @Transactional
    boolean handle(long alertId, String note, CurrentUser user) {
        VisitScope scope = VisitScope.of(user);
        if (!store.exists(alertId, scope)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > 500) {
            text = text.substring(0, 500);
        }
        if (!store.handle(alertId, scope, text, OffsetDateTime.now(clock), user.getUsername())) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("note", text);
        audit.record("VISIT_ALERT_HANDLED", "visit_alert", alertId, details);
        return true;
    }
}
