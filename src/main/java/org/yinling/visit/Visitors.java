package org.yinling.visit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;

/** Binding rostered elders to visitors of their community, one by one or in bulk, and reassigning a visitor's elders. */
@Service
class Visitors {

    /** The most elders one bind request may name (the page lists at most this many). */
    static final int MAX_ELDERS = 500;

    private final VisitorStore store;
    private final AuditLog audit;

    Visitors(VisitorStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    List<VisitorStore.Visitor> visitors(String community) {
        return store.visitors(community);
    }

    @Transactional(readOnly = true)
    List<VisitorStore.RosterElder> roster(String community, CurrentUser user) {
        return store.roster(community, VisitScope.of(user), MAX_ELDERS);
    }

    /** @return how many elders were bound (0 when none of them could be: not rostered here, or not this visitor's community) */
    @Transactional
    int bind(List<Long> elderIds, Long visitorId, CurrentUser user) {
        if (elderIds == null || elderIds.isEmpty() || visitorId == null || elderIds.size() > MAX_ELDERS) {
            return 0;
        }
        List<Long> bound = store.bind(elderIds, visitorId, VisitScope.of(user), user.getUsername());
        if (!bound.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("visitor", visitorId);
            details.put("elders", bound.size() > 200 ? bound.subList(0, 200) : bound);
            details.put("count", bound.size());
            audit.record("VISIT_ELDERS_BOUND", "app_user", visitorId, details);
        }
        return bound.size();
    }

    @Transactional
    int reassign(Long from, Long to, CurrentUser user) {
        if (from == null || to == null || from.equals(to)) {
            return 0;
        }
        List<Long> moved = store.reassign(from, to, VisitScope.of(user), user.getUsername());
        if (!moved.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("from", from);
            details.put("to", to);
            details.put("elders", moved.size() > 200 ? moved.subList(0, 200) : moved);
            details.put("count", moved.size());
            audit.record("VISIT_ELDERS_REASSIGNED", "app_user", to, details);
        }
        return moved.size();
    }
}
