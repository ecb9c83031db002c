package org.yinling.elder;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yinling.account.ApiCaller;
import org.yinling.region.RegionLevel;

/**
 * Life events and status changes from other agencies' systems through the API (issue 22 §3), on the path of the
 * agency lists: the events of a request not received before become one list per kind ({@link StatusImportService#open},
 * classified by the same SQL as an uploaded spreadsheet: matched, unmatched, already inactive, conflict, invalid);
 * a list is applied at once ({@link StatusImportService#apply}: the same registry change, audit and events as a
 * confirmed spreadsheet) unless district confirmation is required, as for a street's upload: a death or move-out from
 * a client below district level waits in the district's queue of lists. All of it in one transaction.
 */
@Service
class InboundEventService {

    /** Column width of the list's and the elder's actor columns. */
    private static final int ACTOR_LENGTH = 50;

    private final StatusImportService lists;
    private final StatusImportStore rows;
    private final StatusImportQueries queries;
    private final InboundEventStore events;
    private final Clock clock;

    InboundEventService(StatusImportService lists, StatusImportStore rows, StatusImportQueries queries,
                        InboundEventStore events, Clock clock) {
        this.lists = lists;
        this.rows = rows;
        this.queries = queries;
        this.events = events;
        this.clock = clock;
    }

    /** Receives the events (their shape already checked) and answers what became of each, in request order. */
    @Transactional
    List<InboundEventResult> receive(List<InboundEvent> batch, ApiCaller caller) {
        LocalDate today = LocalDate.now(clock);
        String actor = cut(caller.auditActor(), ACTOR_LENGTH);
        String agency = cut(caller.clientName(), StatusImportLine.TEXT_LENGTH);
        Set<String> claimed = events.claim(caller.clientId(), batch);
        Map<StatusImportKind, List<InboundEvent>> byKind = batch.stream()
                .filter(e -> claimed.contains(e.eventId()))
                .collect(Collectors.groupingBy(InboundEvent::kind, () -> new EnumMap<>(StatusImportKind.class),
                        Collectors.toList()));
        byKind.forEach((kind, group) -> {
            List<StatusImportLine> lines = group.stream().map(e -> e.line(agency, today)).toList();
            long id = lists.open(kind, cut("API " + caller.clientName(), 255), caller.scope(), actor,
                    caller.clientId(), listId -> rows.insert(listId, lines));
            events.link(caller.clientId(), id, group);
            if (appliesAtOnce(kind, caller)) {
                lists.apply(queries.lock(id, caller.scope()).orElseThrow(), actor);
            }
        });
        Map<String, InboundEventStore.Stored> stored = events.stored(caller.clientId(), batch);
        return batch.stream()
                .map(e -> InboundEventResult.of(e, claimed.contains(e.eventId()), stored.get(e.eventId())))
                .toList();
    }

    /**
     * Whether a list of the client's applies without district confirmation: a change of circumstance always (like
     * the correction form, which streets and communities use); a death or move-out only from a client of a whole
     * district, registered by the administrator for it (like the district staff who confirm an uploaded list).
     */
    static boolean appliesAtOnce(StatusImportKind kind, ApiCaller caller) {
        return !kind.lifeEvent() || caller.level() == RegionLevel.DISTRICT;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
