package org.yinling.payment;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.system.PendingWork;

/** Batches of the district waiting for approval by someone other than the one who generated them (four eyes). */
@Component
class PaymentPendingWork implements PendingWork {

    private final JdbcClient jdbc;

    PaymentPendingWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> pendingFor(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof CurrentUser user) || user.getRole() != Role.DISTRICT_STAFF) {
            return List.of();
        }
        long waiting = jdbc.sql("""
                        SELECT count(*) FROM payment_batch
                        WHERE state = 'GENERATED' AND region_code LIKE ? AND generated_by <> ?
                        """)
                .params(user.scope().likePattern(), user.getUsername()).query(Long.class).single();
        return List.of(new Item("pending.batches", waiting, "/payments/batches", "/payments/batches"));
    }
}
