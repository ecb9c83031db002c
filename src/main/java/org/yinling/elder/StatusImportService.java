package org.yinling.elder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.region.RegionScope;
import org.yinling.system.SpreadsheetReader;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.Uploads;

/**
 * Lists of deaths and move-outs from other agencies (户籍, health, funeral). An upload only stores the list and
 * checks it against the registry; district staff then confirm it, which changes every matched elder at once, or
 * cancel it. A street may upload a list to see how it matches its elders, but only district staff change the
 * registry from another agency's list.
 */
@Service
class StatusImportService {

    static final String ENTITY = "statusImport";
    static final int MAX_ROWS = 5_000;
    static final String UPLOADERS = "hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER')";
    static final String DECIDERS = "hasRole('DISTRICT_STAFF')";
    /** From this many changed elders on, the change is announced as one bulk event (see apply). */
    static final int BULK_FROM = 200;

    private final StatusImportStore store;
    private final StatusImportQueries queries;
    private final StatusImportChanges changes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StatusImportService(StatusImportStore store, StatusImportQueries queries, StatusImportChanges changes,
                        AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.queries = queries;
        this.changes = changes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the list and classifies its rows; nothing in the registry changes. The upload is copied to a temporary
     * file first because the spreadsheet reader needs a file, and the copy is deleted whatever happens.
     *
     * @return the new list's id
     * @throws SpreadsheetException if the file cannot be read as a list; then nothing is stored
     */
    @Transactional
    @PreAuthorize(UPLOADERS)
    long upload(StatusImportKind kind, MultipartFile file, CurrentUser user) {
        Path copy = Uploads.copyToTempFile(file, "status-import-");
        try {
            return read(kind, Uploads.fileName(file.getOriginalFilename()), copy, user);
        }
        finally {
            Uploads.deleteQuietly(copy);
        }
    }

    private long read(StatusImportKind kind, String fileName, Path file, CurrentUser user) {
        LocalDate today = LocalDate.now(clock);
        return open(kind, fileName, user.scope(), user.getUsername(), null, id -> {
            StatusImportReading reading = new StatusImportReading(id, store, today);
            SpreadsheetReader.read(file, fileName, MAX_ROWS, reading);
            reading.finish();
        });
    }

    /**
     * The one way a list comes in, from a spreadsheet or from API events ({@code apiClientId} set): the list is
     * created, {@code rows} stores its rows, they are classified against the registry inside {@code scope}, and the
     * upload is audited. Nothing in the registry changes. The caller holds the transaction.
     */
    long open(StatusImportKind kind, String fileName, RegionScope scope, String actor, Long apiClientId,
              LongConsumer rows) {
        long id = store.create(kind, fileName, scope.prefix(), actor, apiClientId);
        rows.accept(id);
        store.classify(id, scope.likePattern(), LocalDate.now(clock));
        StatusImportSummary list = queries.find(id, scope).orElseThrow();
        Map<String, Object> details = counts(list);
        details.put("kind", kind.name());
        details.put("fileName", fileName);
        audit.record("ELDER_STATUS_IMPORT_UPLOADED", ENTITY, id, details);
        return id;
    }

    /**
     * Changes every matched elder who is still active, publishes their events and audits it all, in one
     * transaction. Returns empty if done, or the message key of the refusal (the list is no longer open).
     */
    @Transactional
    @PreAuthorize(DECIDERS)
    Optional<String> confirm(long id, CurrentUser user) {
        StatusImportSummary list = queries.lock(id, user.scope()).orElseThrow(StatusImportNotFoundException::new);
        if (!list.open()) {
            return Optional.of("statusImport.notOpen");
        }
        apply(list, user.getUsername());
        return Optional.empty();
    }

    /**
     * Applies an open list the caller has locked: the registry change ({@link StatusImportChanges}), the events the
     * other modules follow in this transaction (entitlements stopped, recoveries, re-checks), the list confirmed by
     * {@code actor} and audited. Up to {@link #BULK_FROM} elders, each elder is announced (a death or move-out, or a
     * correction); from that many on, one event stands for them all and the other modules follow set-based: one
     * {@link EldersLeft} (with the same effect as the per-elder events) for deaths and move-outs, one
     * {@link EldersUpdated} for changes of circumstance (the same as an {@link ElderUpdated} each, limited to these
     * elders). Returns how many elders changed.
     */
    int apply(StatusImportSummary list, String actor) {
        List<StatusImportChanges.Changed> changed = changes.apply(list, actor);
        if (list.kind().lifeEvent() && changed.size() < BULK_FROM) {
            for (StatusImportChanges.Changed elder : changed) {
                events.publishEvent(list.kind().event(elder.elderId(), elder.date()));
            }
        }
        else if (list.kind().lifeEvent()) {
            events.publishEvent(new EldersLeft(list.kind() == StatusImportKind.DEATH,
                    changed.stream().mapToLong(StatusImportChanges.Changed::elderId).toArray(),
                    changed.stream().map(StatusImportChanges.Changed::date).toArray(LocalDate[]::new)));
        }
        else if (changed.size() < BULK_FROM) {
            for (StatusImportChanges.Changed elder : changed) {
                events.publishEvent(new ElderUpdated(elder.elderId()));
            }
        }
        else {
            events.publishEvent(new EldersUpdated(changed.stream().mapToLong(StatusImportChanges.Changed::elderId)
                    .toArray()));
        }
        store.count(list.id());
        store.decide(list.id(), StatusImportState.CONFIRMED, actor, changed.size());
        Map<String, Object> details = counts(queries.find(list.id(), RegionScope.everything()).orElseThrow());
        details.put("kind", list.kind().name());
        details.put("applied", changed.size());
        audit.record("ELDER_STATUS_IMPORT_CONFIRMED", ENTITY, list.id(), details);
        return changed.size();
    }

    /** Closes the list without changing the registry. Returns empty if done, or the message key of the refusal. */
    @Transactional
    @PreAuthorize(DECIDERS)
    Optional<String> cancel(long id, CurrentUser user) {
        StatusImportSummary list = queries.lock(id, user.scope()).orElseThrow(StatusImportNotFoundException::new);
        if (!list.open()) {
            return Optional.of("statusImport.notOpen");
        }
        store.decide(id, StatusImportState.CANCELLED, user.getUsername(), null);
        audit.record("ELDER_STATUS_IMPORT_CANCELLED", ENTITY, id, Map.of("kind", list.kind().name()));
        return Optional.empty();
    }

    private static Map<String, Object> counts(StatusImportSummary list) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", list.rowCount());
        for (StatusImportOutcome outcome : StatusImportOutcome.values()) {
            counts.put(outcome.name(), list.count(outcome));
        }
        return counts;
    }
}
