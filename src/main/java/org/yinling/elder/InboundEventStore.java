package org.yinling.elder;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events each API client has sent, by its own event id ({@code api_inbound_event}), and the row of the list that
 * holds each one. Callers hold the transaction.
 */
@Component
class InboundEventStore {

    private final JdbcClient jdbc;

    InboundEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the events not received before and returns their ids. One statement, in event id order: a delivery of
     * the same events running at the same time waits here on the unique key until this transaction ends, and then
     * claims none of them (so they are applied once), and two overlapping batches take their keys in the same order.
     */
    Set<String> claim(long clientId, List<InboundEvent> events) {
        return Set.copyOf(jdbc.sql("""
                        INSERT INTO api_inbound_event (client_id, event_id, content_hash)
                        SELECT :clientId, t.event_id, t.content_hash
                        FROM unnest(CAST(:eventIds AS varchar[]), CAST(:hashes AS varchar[])) AS t(event_id, content_hash)
                        ORDER BY t.event_id
                        ON CONFLICT (client_id, event_id) DO NOTHING
                        RETURNING event_id
                        """)
                .param("clientId", clientId)
                .param("eventIds", column(events, InboundEvent::eventId))
                .param("hashes", column(events, InboundEvent::fingerprint))
                .query(String.class).list());
    }

    /** Records which row of which list holds each claimed event ({@code rowNo} = the event's index + 1). */
    void link(long clientId, long importId, Collection<InboundEvent> events) {
        jdbc.sql("""
                        UPDATE api_inbound_event a SET import_id = :importId, row_no = t.row_no
                        FROM unnest(CAST(:eventIds AS varchar[]), CAST(:rowNos AS int[])) AS t(event_id, row_no)
                        WHERE a.client_id = :clientId AND a.event_id = t.event_id
                        """)
                .param("clientId", clientId)
                .param("importId", importId)
                .param("eventIds", events.stream().map(InboundEvent::eventId).toArray(String[]::new))
                .param("rowNos", events.stream().map(e -> String.valueOf(e.index() + 1)).toArray(String[]::new))
                .update();
    }

    /** What became of each of these events of the client, as stored now, by event id. */
    Map<String, Stored> stored(long clientId, List<InboundEvent> events) {
        return jdbc.sql("""
                        SELECT a.event_id, a.content_hash, a.received_at, a.import_id, r.outcome, r.reason, s.state
                        FROM api_inbound_event a
                        JOIN status_import_row r ON r.import_id = a.import_id AND r.row_no = a.row_no
                        JOIN status_import s ON s.id = a.import_id
                        WHERE a.client_id = :clientId AND a.event_id = ANY (CAST(:eventIds AS varchar[]))
                        """)
                .param("clientId", clientId)
                .param("eventIds", column(events, InboundEvent::eventId))
                .query((rs, i) -> new Stored(rs.getString("event_id"), rs.getString("content_hash"),
                        rs.getObject("received_at", OffsetDateTime.class), rs.getLong("import_id"),
                        StatusImportOutcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                        StatusImportState.valueOf(rs.getString("state"))))
                .list().stream().collect(Collectors.toMap(Stored::eventId, Function.identity()));
    }

    private static String[] column(List<InboundEvent> events, Function<InboundEvent, String> value) {
        return events.stream().map(value).toArray(String[]::new);
    }

    /** A received event: its fingerprint, when it came, the list that holds it, its row's outcome and the list's state. */
    record Stored(String eventId, String contentHash, OffsetDateTime receivedAt, long importId,
                  StatusImportOutcome outcome, String reason, StatusImportState state) {
    }
}
