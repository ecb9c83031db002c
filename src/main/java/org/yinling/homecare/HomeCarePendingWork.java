package org.yinling.homecare;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.account.Role;
import org.yinling.system.PendingWork;

/** Missed home-care visits of the region, for district, street and community staff (OrderStore.MISSED, one count). */
@Component
class HomeCarePendingWork implements PendingWork {

    private final OrderStore orders;
    private final Clock clock;

    HomeCarePendingWork(OrderStore orders, Clock clock) {
        this.orders = orders;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> pendingFor(Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof CurrentUser user) || !(user.getRole() == Role.DISTRICT_STAFF
                || user.getRole() == Role.STREET_REVIEWER || user.getRole() == Role.COMMUNITY_CLERK)) {
            return List.of();
        }
        long missed = orders.missedCount(HomeCareScope.of(user), OffsetDateTime.now(clock));
        return List.of(new Item("pending.missedVisits", missed, "/home-care/missed", "/home-care/missed"));
    }
}
