package org.yinling.elder;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.system.PendingWork;

/** The user's own elder imports that were checked and wait for their confirmation. */
@Component
class ElderPendingWork implements PendingWork {

    private final JdbcClient jdbc;

    ElderPendingWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> pendingFor(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof CurrentUser user) || !(user.getRole() == Role.DISTRICT_STAFF
                || user.getRole() == Role.STREET_REVIEWER || user.getRole() == Role.COMMUNITY_CLERK)) {
            // only those who keep records import them (provider users have no region scope)
            return List.of();
        }
        long waiting = jdbc.sql("""
                        SELECT count(*) FROM elder_import
                        WHERE state = 'VALIDATED' AND created_by = ? AND scope_prefix LIKE ?
                        """)
                .params(user.getUsername(), user.scope().likePattern()).query(Long.class).single();
        return List.of(new Item("pending.imports", waiting, "/elders/imports", "/elders"));
    }
}
