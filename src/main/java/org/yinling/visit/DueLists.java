package org.yinling.visit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;

/** The due and overdue lists, read in the user's scope. */
@Service
class DueLists {

    private final DueStore store;
    private final Clock clock;

    DueLists(DueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    List<DueStore.DueRow> due(CurrentUser user, String community, Long visitor, OffsetDateTime now,
                              OffsetDateTime until, int limit) {
        return store.due(VisitScope.of(user), community, visitor, now, until, clock.getZone(), limit);
    }

    @Transactional(readOnly = true)
    List<DueStore.CommunityCounts> countsByCommunity(CurrentUser user, OffsetDateTime now, OffsetDateTime until) {
        return store.countsByCommunity(VisitScope.of(user), now, until, clock.getZone());
    }
}
