package org.yinling.elder;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import org.yinling.account.CurrentUser;
import org.yinling.audit.AuditLog;
import org.yinling.system.Uploads;

/**
 * Spreadsheet imports: upload (to staging, checked in the background), confirmation (all accepted rows written in
 * one transaction, audited as one import) or cancellation. Confined to the importer's region throughout.
 */
@Service
class ElderImportService {

    private static final String WRITERS = "hasAnyRole('DISTRICT_STAFF', 'STREET_REVIEWER', 'COMMUNITY_CLERK')";

    private final ElderImportStore store;
    private final ElderImportReader reader;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    private final int maxRunningPerUser;
    private final int maxRunning;

    ElderImportService(ElderImportStore store, ElderImportReader reader, AuditLog audit,
                       ApplicationEventPublisher events,
                       @Value("${yinling.import.max-running-per-user:2}") int maxRunningPerUser,
                       @Value("${yinling.import.max-running:4}") int maxRunning) {
        this.maxRunningPerUser = maxRunningPerUser;
        this.maxRunning = maxRunning;
        this.store = store;
        this.reader = reader;
        this.audit = audit;
        this.events = events;
    }

    /**
     * Stores the upload and starts reading it; returns the import's id. Refused with {@link ImportsBusyException}
     * while {@code yinling.import.max-running-per-user} imports of the user, or {@code yinling.import.max-running} in
     * all, are being read: each reading holds database connections, and pages must keep theirs.
     */
    @PreAuthorize(WRITERS)
    long start(MultipartFile file, ImportMode mode, CurrentUser user) {
        String fileName = Uploads.fileName(file.getOriginalFilename());
        Path copy = Uploads.copyToTempFile(file, "yinling-import-");
        long id;
        try {
            ElderImportStore.Either created = store.create(fileName, mode, user.scope(), user.getUsername(),
                    maxRunningPerUser, maxRunning);
            if (created.id() == null) {
                throw new ImportsBusyException(created.busy() == ElderImportStore.Busy.USER
                        ? "import.busy.user" : "import.busy.all");
            }
            id = created.id();
        }
        catch (RuntimeException e) {
            Uploads.deleteQuietly(copy);
            throw e;
        }
        // the reader deletes the copy when it is done
        reader.read(id, copy, fileName, user.scope(), mode);
        return id;
    }

    ElderImport get(long id, CurrentUser user) {
        return store.find(id, user.scope()).orElseThrow(ElderNotFoundException::new);
    }

    /** The import whose error list (resident IDs and names of the rows with problems) is downloaded: an audited view. */
    @Transactional
    ElderImport downloadErrors(long id, CurrentUser user) {
        ElderImport elderImport = get(id, user);
        audit.record("ELDER_IMPORT_ERRORS_EXPORTED", "elder_import", id, Map.of("errors", elderImport.errorCount()));
        return elderImport;
    }

    /** Writes every accepted row; false if the import is not (or no longer) waiting for confirmation. */
    @Transactional
    @PreAuthorize(WRITERS)
    boolean confirm(long id, CurrentUser user) {
        ElderImport elderImport = get(id, user);
        if (!store.transition(id, "VALIDATED", "IMPORTED")) {
            return false;
        }
        int created = store.insertNewElders(id, user.getUsername());
        int updated = store.updateExistingElders(id, user.scope(), user.getUsername());
        audit.record("ELDERS_IMPORTED", "elder_import", id, Map.of("file", elderImport.fileName(),
                "created", created, "updated", updated, "skipped", elderImport.skipCount(),
                "errors", elderImport.errorCount()));
        events.publishEvent(new EldersImported(id, created, updated));
        return true;
    }

    @Transactional
    @PreAuthorize(WRITERS)
    boolean cancel(long id, CurrentUser user) {
        get(id, user);
        return store.transition(id, "VALIDATED", "CANCELLED");
    }

    int maxRows() {
        return reader.maxRows();
    }
}
