package org.yinling.elder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.ApiCaller;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;
import org.yinling.system.ApiReads;

/**
 * The read API's elder routes (issue 22): the registry in the caller's region, by cursor, and one elder with its
 * assessments. Each answer that carries elders' personal data is audited like a page's view of a full record, in
 * the same transaction as the read: one row per page of the list ({@code API_ELDERS_READ}, with the number of
 * records, whether IDs were in full and where the page started; not one row per elder), and {@code ELDER_VIEWED}
 * for one elder (the detail page's action, with {@code channel: api}). The actor is {@link ApiCaller#auditActor()}.
 */
@Service
class ElderApiReads {

    static final String LIST_ACTION = "API_ELDERS_READ";

    private final ElderApiStore store;
    private final AuditLog audit;

    ElderApiReads(ElderApiStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** A page of the list and the position after it (empty on the last page). */
    record Page(List<ElderApiView.Elder> items, Optional<ApiReads.Position> next) {
    }

    @Transactional
    Page page(ApiCaller caller, RegionScope scope, Instant updatedSince, LifeStatus lifeStatus,
              Optional<ApiReads.Position> after, int limit) {
        List<ElderApiView.Elder> rows = store.page(new ElderApiStore.ListFilter(scope, updatedSince, lifeStatus),
                after, limit, caller.readsFullIds());
        Optional<ApiReads.Position> next = Optional.empty();
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            ElderApiView.Elder last = rows.get(limit - 1);
            next = Optional.of(new ApiReads.Position(last.communityCode(), Long.parseLong(last.id())));
        }
        if (!rows.isEmpty()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("records", rows.size());
            details.put("fullIds", caller.readsFullIds());
            details.put("region", scope.prefix());
            details.put("firstId", rows.get(0).id());
            details.put("lastId", rows.get(rows.size() - 1).id());
            if (updatedSince != null) {
                details.put("updatedSince", updatedSince.toString());
            }
            if (lifeStatus != null) {
                details.put("lifeStatus", lifeStatus.name());
            }
            audit.record(LIST_ACTION, ElderService.ENTITY, null, details);
        }
        return new Page(rows, next);
    }

    /** One elder inside the caller's region (404 otherwise, whether or not it exists elsewhere), audited as viewed. */
    @Transactional
    ElderApiView.Elder one(ApiCaller caller, long id) {
        ElderApiView.Elder elder = store.find(id, caller.scope(), caller.readsFullIds()).orElseThrow(ApiReads::notFound);
        audit.record("ELDER_VIEWED", ElderService.ENTITY, id,
                Map.of("channel", "api", "fullIds", caller.readsFullIds()));
        return elder;
    }

    /** The assessments of an elder inside the caller's region, newest first. */
    @Transactional(readOnly = true)
    List<ElderApiView.Assessment> assessments(ApiCaller caller, long id) {
        if (!store.visible(id, caller.scope())) {
            throw ApiReads.notFound();
        }
        return store.assessments(id);
    }
}
