package org.yinling.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.region.RegionScope;
import org.yinling.system.PendingWork;

/**
 * What waits for the user in subsidies: the applications at their review stage (returned ones for a community),
 * flagged entitlements to re-check, and (district) publicity periods that have ended and wait to be concluded. Each is
 * one count over an index: (stage, community_code, …) for the queue, (publicity_ends, community_code) for publicity.
 */
@Component
class SubsidyPendingWork implements PendingWork {

    private final JdbcClient jdbc;
    private final Clock clock;

    SubsidyPendingWork(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> pendingFor(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof CurrentUser user) || !(user.getRole() == Role.DISTRICT_STAFF
                || user.getRole() == Role.STREET_REVIEWER || user.getRole() == Role.COMMUNITY_CLERK)) {
            // provider users have no region scope; managers and the administrator review nothing
            return List.of();
        }
        List<Item> items = new ArrayList<>();
        RegionScope scope = user.scope();
        ApplicationStages.queueOf(user.getRole()).ifPresent(stage -> {
            long waiting = jdbc.sql("SELECT count(*) FROM subsidy_application a WHERE a.stage = :stage AND "
                            + scope.condition("a.community_code", "scope"))
                    .param("stage", stage.name()).param("scope", scope.sqlValue()).query(Long.class).single();
            items.add(new Item(stage == ApplicationStage.RETURNED ? "pending.returned" : "pending.reviews", waiting,
                    "/subsidies/reviews", "/subsidies/reviews"));
        });
        if (user.getRole() == Role.STREET_REVIEWER || user.getRole() == Role.DISTRICT_STAFF) {
            long rechecks = jdbc.sql("""
                            SELECT count(*) FROM subsidy_entitlement en
                            WHERE en.community_code LIKE ? AND en.recheck_since IS NOT NULL AND en.status = 'ACTIVE'
                            """)
                    .param(scope.likePattern()).query(Long.class).single();
            items.add(new Item("pending.rechecks", rechecks, "/subsidies/rechecks", "/subsidies/rechecks"));
        }
        if (user.getRole() == Role.DISTRICT_STAFF) {
            long due = jdbc.sql("""
                            SELECT count(*) FROM subsidy_application a
                            WHERE a.stage = 'PUBLICITY' AND a.publicity_ends < ? AND a.community_code LIKE ?
                            """)
                    .params(LocalDate.now(clock), scope.likePattern()).query(Long.class).single();
            items.add(new Item("pending.publicity", due, "/subsidies/publicity", "/subsidies/publicity"));
        }
        return items;
    }
}
