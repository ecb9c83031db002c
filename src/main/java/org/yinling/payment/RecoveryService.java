package org.yinling.payment;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/** Lists the overpayments to recover and closes them (recovered, or waived with a note), each close audited. */
@Service
class RecoveryService {

    private final RecoveryStore store;
    private final AuditLog audit;

    RecoveryService(RecoveryStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<Recovery> list(CurrentUser user, String state) {
        return store.list(user.scope(), state);
    }

    /** Closes an open recovery of the user's region; false when there is none with that id. */
    @Transactional
    boolean close(long id, String outcome, String note, CurrentUser user) {
        if (!store.close(id, outcome, note.strip(), user.getUsername(), user.scope())) {
            return false;
        }
        audit.record("PAYMENT_RECOVERY_CLOSED", "payment_recovery", id, Map.of("outcome", outcome));
        return true;
    }
}
