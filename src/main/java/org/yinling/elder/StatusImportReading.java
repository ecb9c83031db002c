package org.yinling.elder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.yinling.system.SpreadsheetReader;
import org.yinling.system.SpreadsheetException;

/**
 * Receives an agency's list row by row from {@link SpreadsheetReader}: the first row names the columns, every
 * other non-blank row is read into a {@link StatusImportLine} and stored in batches, so a large list never sits in
 * memory whole.
 */
class StatusImportReading implements SpreadsheetReader.RowSink {

    private static final int BATCH = 1_000;

    private final long importId;
    private final StatusImportStore store;
    private final LocalDate today;
    private final List<StatusImportLine> batch = new ArrayList<>(BATCH);
    private StatusImportColumns columns;
    private int rows;

    StatusImportReading(long importId, StatusImportStore store, LocalDate today) {
        this.importId = importId;
        this.store = store;
        this.today = today;
    }

    @Override
    public void row(int rowNumber, List<String> cells) {
        if (columns == null) {
            columns = StatusImportColumns.of(cells);
            return;
        }
        if (StatusImportLine.isBlank(cells)) {
            return;
        }
        batch.add(StatusImportLine.read(rowNumber, cells, columns, today));
        rows++;
        if (batch.size() == BATCH) {
            flush();
        }
    }

    /** Stores the last batch. @throws SpreadsheetException if the file had no header or no data rows */
    void finish() {
        if (columns == null || rows == 0) {
            throw new SpreadsheetException("statusImport.file.empty");
        }
        flush();
    }

    private void flush() {
        store.insert(importId, batch);
        batch.clear();
    }
}
