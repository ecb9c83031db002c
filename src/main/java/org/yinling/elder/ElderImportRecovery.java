package org.yinling.elder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * After a start, marks as failed every import left READING by a node that died (kill -9, power cut): nobody will
 * finish reading it, and the uploaded copy was a temporary file of that node. Nothing of it reached the registry
 * (that happens only at confirmation, in one transaction). An import another node is still reading is skipped: it
 * holds the import's advisory lock.
 */
@Component
class ElderImportRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ElderImportRecovery.class);

    private final ElderImportStore store;
    private final ImportLocks locks;

    ElderImportRecovery(ElderImportStore store, ImportLocks locks) {
        this.store = store;
        this.locks = locks;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (long id : store.reading()) {
            locks.tryHold(id).ifPresent(lock -> {
                try (lock) {
                    store.fail(id, "import.interrupted", null);
                    log.info("Import {} was interrupted while reading; marked as failed", id);
                }
            });
        }
    }
}
