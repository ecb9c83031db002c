package org.yinling.elder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.yinling.region.RegionScope;
import org.yinling.system.SpreadsheetReader;
import org.yinling.system.SpreadsheetException;
import org.yinling.system.Uploads;

/**
 * Reads an uploaded file into the staging table in the background (the upload request returns at once and the
 * page polls for progress), then runs the bulk checks. Nothing touches the registry here.
 */
@Component
class ElderImportReader {

    private static final Logger log = LoggerFactory.getLogger(ElderImportReader.class);
    private static final int BATCH = 1_000;
    private static final int PROGRESS_EVERY = 5_000;

    private final ElderImportStore store;
    private final MessageSource messages;
    private final ImportLocks locks;
    private final int maxRows;
    private final Clock clock;

    ElderImportReader(ElderImportStore store, MessageSource messages, ImportLocks locks,
                      @Value("${yinling.import.max-rows:200000}") int maxRows, Clock clock) {
        this.clock = clock;
        this.store = store;
        this.messages = messages;
        this.locks = locks;
        this.maxRows = maxRows;
    }

    int maxRows() {
        return maxRows;
    }

    @Async
    public void read(long importId, Path file, String fileName, RegionScope scope, ImportMode mode) {
        // held while reading, on a connection of its own: a node that dies releases it with its connection, and
        // ElderImportRecovery then knows that nobody will finish this import
        try (ImportLocks.Held lock = locks.hold(importId)) {
            readLocked(importId, file, fileName, scope, mode);
        }
    }

    private void readLocked(long importId, Path file, String fileName, RegionScope scope, ImportMode mode) {
        long started = System.nanoTime();
        try {
            List<StagedRow> batch = new ArrayList<>(BATCH);
            ImportRowParser[] parser = {null};
            int[] rows = {0};
            SpreadsheetReader.read(file, fileName, maxRows, (SpreadsheetReader.NumberAwareRowSink) (rowNumber, cells, numbers) -> {
                if (parser[0] == null) {
                    parser[0] = ImportRowParser.forHeader(cells, messages, LocalDate.now(clock));
                    return;
                }
                if (parser[0].isBlank(cells)) {
                    return;
                }
                batch.add(parser[0].parse(rowNumber, cells, numbers));
                if (batch.size() == BATCH) {
                    store.insertRows(importId, batch);
                    batch.clear();
                }
                if (++rows[0] % PROGRESS_EVERY == 0) {
                    store.progress(importId, rows[0]);
                }
            });
            if (parser[0] == null) {
                throw new SpreadsheetException("import.file.empty");
            }
            store.insertRows(importId, batch);
            store.progress(importId, rows[0]);
            store.analyseStaging();
            store.validate(importId, scope, mode);
            log.info("Import {} read and checked: {} rows in {} ms", importId, rows[0],
                    (System.nanoTime() - started) / 1_000_000);
        }
        catch (SpreadsheetException e) {
            store.fail(importId, e.messageKey(), e.arguments().length == 0 ? null : e.arguments()[0]);
        }
        catch (RuntimeException e) {
            log.warn("Import {} failed: {}", importId, e.getClass().getSimpleName(), e);
            store.fail(importId, "import.file.corrupt", null);
        }
        finally {
            Uploads.deleteQuietly(file);
        }
    }
}
